"""Cue words used in another sense (docs/ingest.md, "Reading around the names"):
taken out of a sentence before the kinds of its engagements are looked for."""

from __future__ import annotations

import re

from partnerships.ingest.extraction.speech import without_speech

# Cue words used in another sense, taken out before cues are looked for: speech in
# quotation marks (speech.py); "Member States", 成员国; a training infrastructure; an event that
# is only the setting ("on the sidelines of the Conference", 会议期间, 召开之际).
_OTHER_SENSES = re.compile(
    r"member states|成员国|"
    r"training(?: and \w+)? (?:infrastructure|expertise|centres?|centers?|"
    r"institutions?|needs)|恰逢[^。；]*?之际|在[^，。；]{0,30}?期间|"
    r"启动(?=[^，。；]{0,20}?(?:项目|方案|平台|倡议))|"
    # 项目 as part of another noun: a job title (项目主任), a department (项目司), a
    # procedure (项目审批), an agreement's attribute (项目合作意向书).
    r"项目(?=主任|经理|官员|专员|司|处|办公室|审批|合作意向书|协议|合同)|"
    r"(?:on the sidelines of|in the margins of|during|at)\s+the\s+[^,.;]*?"
    r"(?:forum|conference|summit|session|assembly|meeting)|"
    r"[^，。；、]{0,30}(?:会议|大会|论坛|峰会)(?:期间|召开之际|之际)|"
    r"contribut(?!ors?\b)\w*\s+to\s+(?!the\s+[\w ]{0,30}fund)|"
    # Money sought, not given: "mobilizing multi-lateral funding", 筹集资金.
    r"(?:mobili[sz]\w*|rais(?:e|es|ed|ing)|seek\w*|attract\w*)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:funding|funds|financing|resources)|筹集[^，。；]{0,8}?资金|"
    # The kind of a text signed, not a project told: "the Country Programme
    # Document", "a project document".
    r"(?:programme|program|project)\s+documents?\b|"
    # The kind of an agreement, not money given: "a grant agreement".
    r"(?:grant|contribution|financing)(?=\s+agreements?\b)|"
    # An organisation's own members, not a network joined: "the members of its
    # board", "its members' financial support", 其成员.
    r"(?:its|their|our|his|her)\s+(?:board\s+)?members?\b|"
    r"members?\s+of\s+(?:its|their|the)\s+board|其成员|"
    # Those who decide, not a decision: "decision-makers", "decision making".
    r"decision[- ]mak\w*|"
    # Pipes and wires: "water and sanitation facilities and networks".
    r"(?:water|sanitation|sewerage|road|rail|electricity|power|drainage|supply|"
    r"facilities)\s+(?:and\s+)?networks?|"
    # A speech delivered, not a text published: 发表视频致辞, 作工作报告.
    r"发表[^，。；]{0,6}?(?:致辞|讲话|演讲|发言|贺词|声明)|作[^，。；]{0,6}?报告|工作报告|"
    # News announced, not a text published: 发布新闻公告, "issued a press release".
    r"发布[^，。；]{0,6}?(?:公告|新闻稿|消息|通知)|(?:issued|released) a press release|"
    # An agreement told before, referred back to: what it provides is the act
    # ("根据协议,环境署将提供…", "under the agreement, X will provide").
    r"(?:根据|按照|依据)(?:该|此|这)?[^，。；,]{0,6}?(?:协议|协定|备忘录)|"
    r"(?:under|according to|in line with)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:agreement|mou|memorandum)\b|"
    # An agreement opening its sentence with what it says is told back ("《备忘录》
    # 规定", "The MoU outlines"); not one told with its parties (A与B之间的备忘录
    # 确定了): what the sentence then tells decides its kind.
    r"(?:^|[，,：:；;])\s*[《“\"]?[^，。；,□]{0,10}?(?:协议|协定|备忘录)[》”\"]?"
    r"(?:明确|规定|确定|提出|包括|"
    r"涵盖)|^\s*(?:the|this|that|today['’]s)\s+(?:new\s+)?(?:agreement|mou|"
    r"memorandum(?: of understanding)?)\s+(?:also\s+)?(?:provides|outlines|spells out|"
    r"calls for|sets out|covers|identifies)\b|"
    # A text referred back to (该文件旨在), an organisation's own network (其全球网络,
    # "its global network"): no publication, no network joined.
    r"(?:该|此|这份|这一|上述)文件|(?:其|自身)[^，。；]{0,4}?网络|"
    r"\b(?:its|their)\s+(?:own\s+|global\s+|worldwide\s+)?networks?\b|"
    # Taking part in an award's selection is competing, not cooperating.
    r"(?:参与|参加)[^，。；]{0,20}?评选|"
    # A project launched is told as the project: "launched ... the X project".
    r"launch(?:ed|es|ing)?(?=[^.;]{0,250}?\b(?:project|programme|initiative)s?\b)"
)


def other_senses(lower: str) -> str:
    return _OTHER_SENSES.sub(" ", without_speech(lower))
