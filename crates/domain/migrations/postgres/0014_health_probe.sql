-- One row the health check writes (at most once a second), so it can say when writes
-- cannot succeed: a full disk, a database that is down (docs/storage.md "Faults").
CREATE TABLE health_probe (
    id         BIGINT PRIMARY KEY,
    written_at BIGINT NOT NULL
);
INSERT INTO health_probe (id, written_at) VALUES (1, 0);
