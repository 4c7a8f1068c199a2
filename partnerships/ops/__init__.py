"""What running the product needs beyond its pages: health and readiness
endpoints for a load balancer or an orchestrator, and structured logs."""
