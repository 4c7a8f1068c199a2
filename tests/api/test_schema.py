"""The API against its own OpenAPI schema: no server error, no off-schema response."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from partnerships.wsgi import application

# Generating the schema needs no database; calling the operations does (`db`).
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture
def keep_connection():
    """Calls through the WSGI app would close the test's database connection at the end
    of each request, as Django does between requests; the test client avoids it the
    same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_every_request_within_its_schema(case, db, keep_connection):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])


def test_the_schema_and_its_documentation_page_are_served(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"openapi: 3" in response.content
    page = client.get("/api/docs/")
    assert page.status_code == 200
