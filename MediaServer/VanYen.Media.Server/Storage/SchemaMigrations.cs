namespace VanYen.Media.Server.Storage;

/// <summary>The schema history of the server's database, oldest first.</summary>
public static class SchemaMigrations
{
    /// <summary>Every migration, in order. Append; never edit one that has shipped.</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "server instance identity",
            """
            CREATE TABLE server_instance (
                id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL
            );
            """),
        new(2, "broadcast domain: areas, clusters, receivers, users, audit log, TTS abbreviations",
            """
            CREATE TABLE areas (
                id INTEGER PRIMARY KEY,
                parent_id INTEGER NULL REFERENCES areas (id) ON DELETE RESTRICT,
                kind TEXT NOT NULL CHECK (kind IN ('district', 'commune', 'village')),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                requires_approval INTEGER NOT NULL DEFAULT 0 CHECK (requires_approval IN (0, 1)),
                CHECK ((kind = 'district') = (parent_id IS NULL))
            );
            CREATE INDEX ix_areas_parent ON areas (parent_id);
            CREATE UNIQUE INDEX ux_areas_parent_name ON areas (COALESCE(parent_id, 0), name);

            CREATE TABLE clusters (
                id INTEGER PRIMARY KEY,
                area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                location TEXT NULL,
                default_volume INTEGER NOT NULL DEFAULT 80 CHECK (default_volume BETWEEN 0 AND 100),
                on_air_from TEXT NULL,
                on_air_until TEXT NULL,
                CHECK ((on_air_from IS NULL) = (on_air_until IS NULL))
            );
            CREATE INDEX ix_clusters_area ON clusters (area_id);

            CREATE TABLE receivers (
                id INTEGER PRIMARY KEY,
                cluster_id INTEGER NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                kind TEXT NOT NULL CHECK (kind IN ('ip-speaker', 'browser', 'http-stream')),
                secret_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                last_seen TEXT NULL
            );
            CREATE INDEX ix_receivers_cluster ON receivers (cluster_id);

            CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                display_name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('admin', 'announcer', 'approver', 'viewer')),
                scope_area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_users_scope ON users (scope_area_id);

            -- No foreign keys here on purpose: the log outlives the users and areas it names.
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                user_id INTEGER NULL,
                user_name TEXT NULL,
                action TEXT NOT NULL,
                target_kind TEXT NULL,
                target_id TEXT NULL,
                area_id INTEGER NULL,
                details TEXT NULL
            );
            CREATE INDEX ix_audit_at ON audit_log (at);
            CREATE INDEX ix_audit_user ON audit_log (user_id, at);
            CREATE INDEX ix_audit_action ON audit_log (action, at);
            CREATE INDEX ix_audit_area ON audit_log (area_id, at);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log entries are immutable'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log entries are immutable'); END;

            CREATE TABLE tts_abbreviations (
                abbreviation TEXT PRIMARY KEY,
                expansion TEXT NOT NULL CHECK (length(trim(expansion)) > 0)
            );
            INSERT INTO tts_abbreviations (abbreviation, expansion) VALUES
                ('UBND', 'Ủy ban nhân dân'),
                ('HĐND', 'Hội đồng nhân dân'),
                ('MTTQ', 'Mặt trận Tổ quốc'),
                ('BCH', 'Ban chấp hành'),
                ('PCCC', 'phòng cháy chữa cháy'),
                ('PCTT', 'phòng chống thiên tai'),
                ('TKCN', 'tìm kiếm cứu nạn'),
                ('BHYT', 'bảo hiểm y tế'),
                ('BHXH', 'bảo hiểm xã hội'),
                ('THCS', 'trung học cơ sở'),
                ('THPT', 'trung học phổ thông'),
                ('CSGT', 'cảnh sát giao thông'),
                ('KTTV', 'khí tượng thủy văn'),
                ('TP', 'thành phố'),
                ('TT', 'thị trấn'),
                ('ATGT', 'an toàn giao thông');
            """),
        new(3, "broadcasts: audio library, schedules and bulletins awaiting approval",
            """
            CREATE TABLE library_items (
                id INTEGER PRIMARY KEY,
                area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                original_format TEXT NOT NULL,
                duration_ms INTEGER NOT NULL,
                integrated_loudness REAL NULL,
                size_bytes INTEGER NOT NULL,
                created_by_user_id INTEGER NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_library_items_area ON library_items (area_id);

            -- Broadcasts that are not on air yet: one-off or recurring schedules, and bulletins awaiting approval.
            -- The creator is kept by id and name (no foreign key): a deleted creator makes the run skip, not vanish.
            CREATE TABLE broadcast_schedules (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                command_json TEXT NOT NULL,
                cluster_ids TEXT NOT NULL,
                created_by_user_id INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                scope_area_id INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                recurrence TEXT NULL,
                next_run_at TEXT NULL,
                state TEXT NOT NULL CHECK (state IN ('awaiting-approval', 'scheduled', 'ended')),
                approved_by TEXT NULL,
                library_item_id INTEGER NULL,
                fallback_library_item_id INTEGER NULL,
                ended_at TEXT NULL
            );
            CREATE INDEX ix_broadcast_schedules_state ON broadcast_schedules (state, next_run_at);
            CREATE INDEX ix_broadcast_schedules_library ON broadcast_schedules (library_item_id);
            CREATE INDEX ix_broadcast_schedules_fallback ON broadcast_schedules (fallback_library_item_id);
            """),
        new(4, "sign-ins ended by a logout",
            """
            -- A logout ends its sign-in (the cookie and the bearer token issued together share one session id) until
            -- the latest time a credential of that sign-in could still be valid; expired rows are pruned.
            CREATE TABLE signed_out_sessions (
                session_id TEXT PRIMARY KEY,
                until TEXT NOT NULL
            );
            """),
    ];
}
