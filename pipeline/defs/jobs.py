import dagster as dg

ingest_job = dg.define_asset_job(
    "ingest_job",
    selection=dg.AssetSelection.assets("staged_documents", "warehouse_tables", "dq_results", "analyst_views", "dq_report"),
    description="Ingest new or changed documents, check, publish.",
)
refresh_job = dg.define_asset_job(
    "refresh_job",
    selection=dg.AssetSelection.assets("dq_results", "analyst_views", "dq_report"),
    description="Re-check identities and refresh the views and reports without parsing.",
)
