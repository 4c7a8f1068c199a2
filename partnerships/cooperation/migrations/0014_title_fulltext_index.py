from django.db import migrations

from partnerships.core.fulltext import fulltext_operation
from partnerships.core.languages import UN_LANGUAGES


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0013_engagement_history_children")]

    operations = [
        fulltext_operation(
            "cooperation_engagement", [f"title_{lang}" for lang in UN_LANGUAGES]
        )
    ]
