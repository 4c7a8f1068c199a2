from django.db import migrations

from partnerships.core.fulltext import fulltext_operation


class Migration(migrations.Migration):
    dependencies = [("sources", "0005_language_versions")]

    operations = [fulltext_operation("sources_passage", ["text"])]
