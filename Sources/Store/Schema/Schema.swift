/// The buildermock schema as an ordered list of migrations.
///
/// To change the schema, append a `Migration` with the next number; never edit one that has shipped,
/// since databases in the field have already run it. Times are milliseconds since the Unix epoch on
/// the namespace clock; JSON lives in TEXT columns. The engine decides what the values mean.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "jobs, events, namespaces, sequences, kv", sql: v1),
        Migration(version: 2, name: "request journal", sql: v2),
        Migration(version: 3, name: "fault rules and injection totals", sql: v3),
        Migration(version: 4, name: "jobs clustered by id", rebuildsReferencedTables: true, sql: v4),
        Migration(version: 5, name: "no namespace index on job events", sql: v5),
        Migration(version: 6, name: "request journal in segments", apply: v6),
        Migration(version: 7, name: "jobs and their history clustered by creation time", rebuildsReferencedTables: true,
                  sql: v7),
    ]

    /// The version a database has once every migration has run.
    public static var currentVersion: Int { migrations.last?.version ?? 0 }

    static let v1 = """
        CREATE TABLE namespaces (
            name TEXT PRIMARY KEY NOT NULL,
            clock_mode TEXT NOT NULL,
            -- manual clock: the frozen now; real clock: the virtual time at clock_anchor_wall_ms.
            clock_now_ms INTEGER NOT NULL,
            clock_anchor_wall_ms INTEGER,
            time_scale REAL NOT NULL DEFAULT 1.0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE jobs (
            id TEXT PRIMARY KEY NOT NULL,
            namespace TEXT NOT NULL,
            service TEXT NOT NULL,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            step INTEGER NOT NULL DEFAULT 0,
            -- NULL: waiting for an event (an answer, a user action) rather than for time.
            due_at INTEGER,
            scenario TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        -- The scheduler's queue. Partial, so jobs waiting for an event cost the index nothing.
        -- Clocks are per namespace, so the scheduler mostly asks per namespace; the second index
        -- answers "what is due anywhere next" for the real-clock wake-up.
        CREATE INDEX jobs_due_by_namespace ON jobs (namespace, due_at, id) WHERE due_at IS NOT NULL;
        CREATE INDEX jobs_due ON jobs (due_at, id) WHERE due_at IS NOT NULL;
        CREATE INDEX jobs_listing ON jobs (namespace, service, kind, created_at);

        CREATE TABLE job_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            namespace TEXT NOT NULL,
            at INTEGER NOT NULL,
            from_state TEXT,
            to_state TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        -- Also serves the foreign key: deleting a job finds its events without a scan.
        CREATE INDEX job_events_job ON job_events (job_id, seq);
        CREATE INDEX job_events_namespace ON job_events (namespace, seq);

        CREATE TABLE sequences (
            namespace TEXT NOT NULL,
            name TEXT NOT NULL,
            value INTEGER NOT NULL,
            PRIMARY KEY (namespace, name)
        ) WITHOUT ROWID;

        -- value has no declared type, so it keeps whatever storage class was written.
        CREATE TABLE kv (
            namespace TEXT NOT NULL,
            key TEXT NOT NULL,
            value,
            PRIMARY KEY (namespace, key)
        ) WITHOUT ROWID;
        """

    static let v2 = """
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            namespace TEXT NOT NULL,
            at INTEGER NOT NULL,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            query TEXT,
            status INTEGER,
            request_headers TEXT NOT NULL DEFAULT '[]',
            request_body BLOB,
            response_headers TEXT NOT NULL DEFAULT '[]',
            response_body BLOB,
            duration_us INTEGER,
            fault TEXT
        );
        CREATE INDEX journal_namespace ON journal (namespace, seq);
        """

    static let v3 = """
        CREATE TABLE faults (
            namespace TEXT NOT NULL,
            id TEXT NOT NULL,
            -- Creation order: the first matching rule that hits a call wins, so order matters.
            seq INTEGER NOT NULL,
            rule TEXT NOT NULL,
            -- 'admin', or 'scenario:NAME' for rules a scenario installed for one of its jobs.
            source TEXT NOT NULL DEFAULT 'admin',
            matched INTEGER NOT NULL DEFAULT 0,
            hits INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (namespace, id)
        ) WITHOUT ROWID;
        CREATE INDEX faults_order ON faults (namespace, seq);

        -- Every fault ever injected, by kind, across namespaces and resets (for metrics).
        CREATE TABLE fault_totals (
            kind TEXT PRIMARY KEY NOT NULL,
            count INTEGER NOT NULL
        ) WITHOUT ROWID;
        """

    /// Jobs become a WITHOUT ROWID table, stored in id order
    /// (https://www.sqlite.org/withoutrowid.html): a lookup by id is one B-tree search instead of
    /// the id index then the rowid table, and jobs that fall due together, which the scheduler
    /// takes in (due_at, id) order, sit side by side, so a batch of transitions rewrites a few
    /// consecutive pages instead of one scattered page per job (measured with 100,000 jobs due
    /// at once: the WAL written per 1,000 moved jobs fell from ~4 MB to ~0.4 MB). `seq` keeps the insertion order the rowid
    /// used to give (the queue of jobs waiting for a slot is served first come, first served).
    /// `jobs_due` goes: nothing asks for due jobs across namespaces, and every transition paid
    /// for keeping it.
    static let v4 = """
        CREATE TABLE jobs_v4 (
            id TEXT PRIMARY KEY NOT NULL,
            namespace TEXT NOT NULL,
            service TEXT NOT NULL,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            step INTEGER NOT NULL DEFAULT 0,
            -- NULL: waiting for an event (an answer, a user action) rather than for time.
            due_at INTEGER,
            scenario TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            -- Insertion order, 1, 2, 3…: MAX(seq) + 1 at insert, found through jobs_seq.
            seq INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO jobs_v4 (id, namespace, service, kind, state, step, due_at, scenario, payload, created_at,
                             updated_at, version, seq)
            SELECT id, namespace, service, kind, state, step, due_at, scenario, payload, created_at,
                   updated_at, version, rowid FROM jobs;
        DROP TABLE jobs;
        ALTER TABLE jobs_v4 RENAME TO jobs;
        -- The scheduler's queue, per namespace (clocks are per namespace). Partial, so jobs waiting
        -- for an event cost the index nothing.
        CREATE INDEX jobs_due_by_namespace ON jobs (namespace, due_at, id) WHERE due_at IS NOT NULL;
        CREATE INDEX jobs_listing ON jobs (namespace, service, kind, created_at, seq);
        CREATE INDEX jobs_seq ON jobs (seq);
        """

    /// `job_events_namespace` goes: no server path reads history by namespace (a job's history is
    /// read through `job_events_job`, a namespace's deleted through the jobs' cascade), and every
    /// transition paid a B-tree insert for it. `EventRecords.list(namespace:after:limit:)` still
    /// answers, by walking the table in `seq` order.
    static let v5 = """
        DROP INDEX IF EXISTS job_events_namespace;
        """

    /// The journal stores a batch of one namespace's entries as one row (a segment) instead of a row
    /// per entry: the per-row table cost a B-tree row and an index entry per request to write, and
    /// as much again to prune, which was most of the journal's share of a keep-alive GET.
    ///
    /// `first_seq` is the rowid (seqs never repeat across namespaces), and the index covers what
    /// counting and pruning read, so they never touch the rows with the data. SQLite recommends rowid
    /// tables for rows this large (https://www.sqlite.org/withoutrowid.html, section 4). `journal_seq`
    /// keeps the highest seq handed out, so a cleared namespace's seqs are never given again (what
    /// AUTOINCREMENT did for the old table).
    ///
    /// The segment format is the engine's, so the migration cannot write it: an old table with rows
    /// becomes `journal_v2`, which the engine's journal moves into segments and drops on first use
    /// (`LegacyJournalRecords`); an empty one is simply dropped.
    static func v6(_ db: SQLiteConnection) throws {
        try db.executeScript("""
            CREATE TABLE journal_segments (
                first_seq INTEGER PRIMARY KEY NOT NULL,
                namespace TEXT NOT NULL,
                last_seq INTEGER NOT NULL,
                entries INTEGER NOT NULL,
                data BLOB NOT NULL
            );
            CREATE INDEX journal_segments_namespace ON journal_segments (namespace, first_seq, last_seq, entries);
            CREATE TABLE journal_seq (
                id INTEGER PRIMARY KEY CHECK (id = 0),
                last_seq INTEGER NOT NULL
            );
            INSERT INTO journal_seq (id, last_seq)
                SELECT 0, MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'journal'), 0),
                              COALESCE((SELECT MAX(seq) FROM journal), 0));
            """)
        let hasRows = try db.queryFirst("SELECT EXISTS (SELECT 1 FROM journal)") { $0.int(0) == 1 } ?? false
        try db.executeScript(hasRows ? "ALTER TABLE journal RENAME TO journal_v2" : "DROP TABLE journal")
    }

    /// `jobs` is clustered by (created_at, id) instead of id, and a job's history is indexed by the
    /// same pair. Ids are random, so keyed by id every new job landed on a random leaf of the table
    /// and another of `job_events_job`: two scattered pages rewritten per create, and the WAL frames
    /// and the checkpoint's copies that go with them. By creation time, new jobs and their first
    /// events go to the end of both. Jobs that fall due together were (nearly always) created
    /// together and are taken in id order, which is the table's order within one creation time, so
    /// an advance still rewrites consecutive pages. A lookup by id goes through `jobs_id`, whose
    /// small entries cost one scattered page per create instead of the table's wide rows.
    ///
    /// The history's foreign key names both columns, so the cascade from a deleted job finds its
    /// events through `job_events_job`.
    ///
    /// A job's `seq` comes from the counter `jobs/seq` in `sequences` (`JobRecords.seqCounter`, in
    /// namespace '', which no namespace can be, so no reset deletes it) instead of `MAX(seq) + 1`
    /// through a `jobs_seq` index: the counter is held in the write transaction's memory like the
    /// id counters, and every create saves an index probe and an index insert. (The literal, not
    /// the constant, is written here: a shipped migration must not change with the code.)
    static let v7 = """
        CREATE TABLE jobs_v7 (
            id TEXT NOT NULL,
            namespace TEXT NOT NULL,
            service TEXT NOT NULL,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            step INTEGER NOT NULL DEFAULT 0,
            -- NULL: waiting for an event (an answer, a user action) rather than for time.
            due_at INTEGER,
            scenario TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            -- Insertion order, 1, 2, 3…: drawn from the 'jobs/seq' counter in sequences.
            seq INTEGER NOT NULL,
            PRIMARY KEY (created_at, id)
        ) WITHOUT ROWID;
        INSERT INTO jobs_v7 (id, namespace, service, kind, state, step, due_at, scenario, payload, created_at,
                             updated_at, version, seq)
            SELECT id, namespace, service, kind, state, step, due_at, scenario, payload, created_at,
                   updated_at, version, seq FROM jobs;
        CREATE TABLE job_events_v7 (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            job_created_at INTEGER NOT NULL,
            job_id TEXT NOT NULL,
            namespace TEXT NOT NULL,
            at INTEGER NOT NULL,
            from_state TEXT,
            to_state TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}',
            FOREIGN KEY (job_created_at, job_id) REFERENCES jobs (created_at, id) ON DELETE CASCADE
        );
        INSERT INTO job_events_v7 (seq, job_created_at, job_id, namespace, at, from_state, to_state, detail)
            SELECT e.seq, j.created_at, e.job_id, e.namespace, e.at, e.from_state, e.to_state, e.detail
            FROM job_events AS e JOIN jobs AS j ON j.id = e.job_id;
        -- Seqs are never handed out twice, even those of events deleted with their jobs.
        DELETE FROM sqlite_sequence WHERE name = 'job_events_v7';
        INSERT INTO sqlite_sequence (name, seq) SELECT 'job_events_v7', seq FROM sqlite_sequence WHERE name = 'job_events';
        DROP TABLE job_events;
        DROP TABLE jobs;
        ALTER TABLE jobs_v7 RENAME TO jobs;
        ALTER TABLE job_events_v7 RENAME TO job_events;
        CREATE UNIQUE INDEX jobs_id ON jobs (id);
        CREATE INDEX jobs_due_by_namespace ON jobs (namespace, due_at, id) WHERE due_at IS NOT NULL;
        CREATE INDEX jobs_listing ON jobs (namespace, service, kind, created_at, seq);
        CREATE INDEX job_events_job ON job_events (job_created_at, job_id, seq);
        INSERT INTO sequences (namespace, name, value)
            SELECT '', 'jobs/seq', IFNULL(MAX(seq), 0) FROM jobs WHERE true
            ON CONFLICT (namespace, name) DO UPDATE SET value = excluded.value;
        """
}
