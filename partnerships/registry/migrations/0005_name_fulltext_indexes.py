from django.db import migrations

from partnerships.core.fulltext import fulltext_operation
from partnerships.core.languages import UN_LANGUAGES


class Migration(migrations.Migration):
    dependencies = [("registry", "0004_name_trigram_indexes")]

    operations = [
        fulltext_operation(
            "registry_organisation", ["key"] + [f"name_{lang}" for lang in UN_LANGUAGES]
        ),
        fulltext_operation("registry_organisationname", ["value"]),
        fulltext_operation("registry_identifier", ["value"]),
    ]
