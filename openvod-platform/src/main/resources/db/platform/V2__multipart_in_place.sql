-- Parts written in place: a multipart upload learns its part size from its first part, and a
-- part records where it lies in the upload's draft (NULL: in an object of its own).
ALTER TABLE multipart_uploads ADD COLUMN part_size BIGINT;
ALTER TABLE multipart_parts ADD COLUMN data_offset BIGINT;
