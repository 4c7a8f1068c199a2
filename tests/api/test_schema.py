"""The API against its own OpenAPI schema: no server error, no off-schema response."""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from partnerships.wsgi import application

# Generating the schema needs no database; calling the operations does (`db`).
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@schema.parametrize()
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_every_request_within_its_schema(case, db):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])


def test_the_schema_and_its_documentation_page_are_served(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"openapi: 3" in response.content
    page = client.get("/api/docs/")
    assert page.status_code == 200
