"""The stakeholder categories an applicant, a commenter or a seat belongs to: the
nine major groups of Agenda 21 and the other stakeholders the agency's stakeholder
engagement policy names. Distinct from the registry's organisation `Category`,
which says what an organisation is; this says whom it speaks for."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class StakeholderGroup(models.TextChoices):
    WOMEN = "women", _("Women")
    CHILDREN_YOUTH = "children_youth", _("Children and youth")
    INDIGENOUS = "indigenous", _("Indigenous peoples")
    NGO = "ngo", _("Non-governmental organizations")
    LOCAL_AUTHORITIES = "local_authorities", _("Local authorities")
    WORKERS = "workers", _("Workers and trade unions")
    BUSINESS = "business", _("Business and industry")
    SCIENCE = "science", _("Scientific and technological community")
    FARMERS = "farmers", _("Farmers")
    OLDER_PERSONS = "older_persons", _("Older persons")
    DISABILITIES = "disabilities", _("Persons with disabilities")
    GRASSROOTS = "grassroots", _("Grassroots organizations")
    PROFESSIONALS = "professionals", _("Professionals")
    FOUNDATIONS = "foundations", _("Foundations and philanthropies")
    PARLIAMENTARIANS = "parliamentarians", _("Parliamentarians")
    OTHER = "other", _("Other stakeholders")
