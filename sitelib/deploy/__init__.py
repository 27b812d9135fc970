"""`invoke deploy`: output/ to S3-compatible object storage, incrementally and in a safe order (issue #20).

`target` reads DEPLOY_TARGET, `http_headers` gives each file its Content-Type
and Cache-Control, `sync_plan` compares output/ with the bucket by content hash and
orders the uploads in phases, `transfer` carries the plan out with boto3,
`plan_text` writes it for people, `pages_limit` guards a GitHub Pages site,
`deploying` runs the steps in order.
"""
