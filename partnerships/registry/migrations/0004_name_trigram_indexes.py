from django.db import migrations

from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.trigram import trigram_operation


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_drop_deleted_at_index")]

    operations = [
        trigram_operation(
            "registry_organisation", [f"name_{lang}" for lang in UN_LANGUAGES] + ["key"]
        ),
        trigram_operation("registry_organisationname", ["value"]),
        trigram_operation("registry_identifier", ["value"]),
    ]
