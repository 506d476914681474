-- Multipart uploads that several platform nodes serve at once, on S3's own multipart upload.
--
-- 1. Where an upload's parts go, settled once by its parts (on a store with a multipart upload of
--    its own, S3): part_route 'native' (the store's multipart upload, whose id is store_upload_id)
--    or 'objects' (objects of their own, composed at Complete); NULL while undecided. A part kept
--    in the native upload has the store's ETag for it in store_etag.
-- 2. A Complete runs while it holds the upload's completion lease (completing_holder, until
--    completing_until in epoch milliseconds), taken with a conditional UPDATE, so that two nodes
--    completing one upload at once assemble it once; the other waits for the stored result.
-- 3. On a store that assembles in place (the local disk), a row of multipart_draft_claims gives one
--    write of a part the right to write its range of the upload's draft.

ALTER TABLE multipart_uploads ADD COLUMN part_route TEXT;
ALTER TABLE multipart_uploads ADD COLUMN store_upload_id TEXT;
ALTER TABLE multipart_uploads ADD COLUMN completing_holder TEXT;
ALTER TABLE multipart_uploads ADD COLUMN completing_until BIGINT;
ALTER TABLE multipart_parts ADD COLUMN store_etag TEXT;

CREATE TABLE multipart_draft_claims (
    upload_id   TEXT    NOT NULL,
    part_number INTEGER NOT NULL,
    PRIMARY KEY (upload_id, part_number)
);
