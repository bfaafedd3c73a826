-- Discretion docket schema, version 5: signatures that sign their own circumstances.
-- Besides the review's record, the signer's key now also signs an attestation: the review,
-- the record's hash, the audit head at signing, the signer's name, the signing time and
-- the certificate's fingerprint (see ReviewSignature::attestedBytes). Without the key,
-- none of them can be changed, and the history up to each signature is bound to the key.
-- Signatures made before this version have none; the upgrade's audit entry lists them.
ALTER TABLE review_signatures ADD COLUMN attestation BLOB NOT NULL DEFAULT x'';
