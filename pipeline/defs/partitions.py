import dagster as dg

# One partition per document, keyed by the sha256 of its bytes. Batch runs record a
# materialization for every document they load, so the UI shows each document's state;
# materializing one partition re-parses and reloads just that document.
documents_partitions = dg.DynamicPartitionsDefinition(name="documents")
