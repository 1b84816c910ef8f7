using System.Collections.Concurrent;
using System.Globalization;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Text;
using Microsoft.Data.Sqlite;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// The passages and their SQLite FTS5 index in one file: a contentless FTS5 table
/// (porter + unicode61) with a weighted title column (headings, questions) and a body
/// column, the passages themselves alongside, and a second, unstemmed FTS5 table whose
/// fts5vocab view is the vocabulary for typo correction. Built once; opened read-only
/// and shared by every turn (one connection per concurrent caller, from a pool).
/// </summary>
public sealed class PassageIndex : IPassageSearch, IDisposable
{
    public const int SchemaVersion = 1;

    private readonly string _connectionString;
    private readonly ConcurrentBag<Searcher> _pool = [];
    private readonly double _titleWeight;
    private readonly double _bodyWeight;
    private bool _disposed;

    private PassageIndex(string path, IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, int> vocabulary, string contentHash, double titleWeight, double bodyWeight)
    {
        Path = path;
        Passages = passages;
        Vocabulary = vocabulary;
        ContentHash = contentHash;
        _titleWeight = titleWeight;
        _bodyWeight = bodyWeight;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
    }

    static PassageIndex() => SQLitePCL.Batteries_V2.Init();

    public string Path { get; }

    /// <summary>Passages by ordinal (the FTS5 rowid).</summary>
    public IReadOnlyList<Passage> Passages { get; }

    public IReadOnlyDictionary<string, int> Vocabulary { get; }

    /// <summary>The knowledge-base content hash the index was built from.</summary>
    public string ContentHash { get; }

    /// <summary>Writes a new index file for <paramref name="passages"/>, replacing any old one atomically.</summary>
    public static void Build(string path, IReadOnlyList<Passage> passages, TextAnalyzer analyzer, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(analyzer);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = temporary, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using (var connection = new SqliteConnection(builder.ToString()))
            {
                connection.Open();
                Execute(connection, """
                    PRAGMA journal_mode = OFF;
                    PRAGMA synchronous = OFF;
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE passage (
                        ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, guide_id TEXT NOT NULL,
                        guide_title TEXT NOT NULL, source TEXT NOT NULL, updated TEXT NOT NULL,
                        heading TEXT NOT NULL, section_path TEXT NOT NULL, text TEXT NOT NULL,
                        topics TEXT NOT NULL, is_question INTEGER NOT NULL);
                    CREATE VIRTUAL TABLE passage_fts USING fts5(title, body, content='', tokenize='porter unicode61 remove_diacritics 2');
                    CREATE VIRTUAL TABLE word_fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
                    CREATE VIRTUAL TABLE word_vocab USING fts5vocab(word_fts, 'row');
                    """);
                using var transaction = connection.BeginTransaction();
                using var insertPassage = Command(connection, transaction, """
                    INSERT INTO passage VALUES ($ordinal, $id, $guide_id, $guide_title, $source, $updated, $heading, $section_path, $text, $topics, $is_question)
                    """);
                using var insertFts = Command(connection, transaction, "INSERT INTO passage_fts (rowid, title, body) VALUES ($ordinal, $title, $body)");
                using var insertWords = Command(connection, transaction, "INSERT INTO word_fts (rowid, body) VALUES ($ordinal, $body)");
                for (var ordinal = 0; ordinal < passages.Count; ordinal++)
                {
                    var p = passages[ordinal];
                    Bind(insertPassage, ("$ordinal", ordinal), ("$id", p.Id), ("$guide_id", p.GuideId), ("$guide_title", p.GuideTitle),
                        ("$source", p.Source), ("$updated", p.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        ("$heading", p.Heading), ("$section_path", p.SectionPath), ("$text", p.Text),
                        ("$topics", string.Join(',', p.Topics.Select(t => t.Name))), ("$is_question", p.IsQuestion ? 1 : 0));
                    insertPassage.ExecuteNonQuery();
                    Bind(insertFts, ("$ordinal", ordinal), ("$title", string.Join(' ', analyzer.Analyze(TitleOf(p)))), ("$body", string.Join(' ', analyzer.Analyze(p.Text))));
                    insertFts.ExecuteNonQuery();
                    var words = Tokenizer.Tokenize(TitleOf(p) + "\n" + p.Text);
                    Bind(insertWords, ("$ordinal", ordinal), ("$body", string.Join(' ', words)));
                    insertWords.ExecuteNonQuery();
                }

                using var insertMeta = Command(connection, transaction, "INSERT INTO meta VALUES ($key, $value)");
                foreach (var (key, value) in new[] { ("schema_version", SchemaVersion.ToString(CultureInfo.InvariantCulture)), ("content_hash", contentHash), ("passages", passages.Count.ToString(CultureInfo.InvariantCulture)) })
                {
                    Bind(insertMeta, ("$key", key), ("$value", value));
                    insertMeta.ExecuteNonQuery();
                }

                transaction.Commit();
                Execute(connection, "INSERT INTO passage_fts(passage_fts) VALUES('optimize'); INSERT INTO word_fts(word_fts) VALUES('optimize');");
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Opens an index file; <see cref="IndexUnavailableException"/> when it is missing, corrupt or of another schema.</summary>
    public static PassageIndex Open(string path, double titleWeight = 3.0, double bodyWeight = 1.0)
    {
        if (!File.Exists(path))
        {
            throw new IndexUnavailableException($"no index at {path}");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            var meta = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var command = Command(connection, null, "SELECT key, value FROM meta"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    meta[reader.GetString(0)] = reader.GetString(1);
                }
            }

            if (!meta.TryGetValue("schema_version", out var version) || version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw new IndexUnavailableException($"index {path} has schema {version ?? "none"}, expected {SchemaVersion}");
            }

            var passages = new List<Passage>();
            using (var command = Command(connection, null, "SELECT ordinal, id, guide_id, guide_title, source, updated, heading, section_path, text, topics, is_question FROM passage ORDER BY ordinal"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (reader.GetInt32(0) != passages.Count)
                    {
                        throw new IndexUnavailableException($"index {path} has a gap in its passages");
                    }

                    var topics = reader.GetString(9).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => new Topic(n)).ToArray();
                    passages.Add(new Passage(
                        reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                        DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                        reader.GetString(6), reader.GetString(7), reader.GetString(8), topics, reader.GetInt32(10) == 1));
                }
            }

            var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
            using (var command = Command(connection, null, "SELECT term, doc FROM word_vocab"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    vocabulary[reader.GetString(0)] = reader.GetInt32(1);
                }
            }

            var index = new PassageIndex(path, passages, vocabulary, meta.GetValueOrDefault("content_hash", string.Empty), titleWeight, bodyWeight);
            index.Search(["check"], 1); // proves the FTS5 tables are readable before anyone relies on them
            return index;
        }
        catch (SqliteException ex)
        {
            throw new IndexUnavailableException($"index {path} cannot be read: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new IndexUnavailableException($"index {path} holds a malformed value: {ex.Message}", ex);
        }
    }

    public IReadOnlyList<SearchHit> Search(IReadOnlyList<string> terms, int limit)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(terms);
        var match = FtsQuery.AnyOf(terms);
        if (match.Length == 0 || limit <= 0)
        {
            return [];
        }

        if (!_pool.TryTake(out var searcher))
        {
            searcher = new Searcher(_connectionString, _titleWeight, _bodyWeight);
        }

        try
        {
            return searcher.Run(match, limit);
        }
        finally
        {
            _pool.Add(searcher);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_pool.TryTake(out var searcher))
        {
            searcher.Dispose();
        }
    }

    internal static string TitleOf(Passage passage) =>
        passage.SectionPath.Contains(passage.Heading, StringComparison.Ordinal) ? passage.SectionPath : $"{passage.SectionPath} {passage.Heading}";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    /// <summary>One read-only connection with its prepared query; used by one caller at a time.</summary>
    private sealed class Searcher : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _match;
        private readonly SqliteParameter _limit;

        public Searcher(string connectionString, double titleWeight, double bodyWeight)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _command = _connection.CreateCommand();
            _command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"SELECT rowid, bm25(passage_fts, {titleWeight:0.0###}, {bodyWeight:0.0###}) AS score FROM passage_fts WHERE passage_fts MATCH $match ORDER BY score LIMIT $limit");
            _match = _command.Parameters.Add("$match", SqliteType.Text);
            _limit = _command.Parameters.Add("$limit", SqliteType.Integer);
            _match.Value = "\"x\"";
            _limit.Value = 1;
            _command.Prepare();
        }

        public List<SearchHit> Run(string match, int limit)
        {
            _match.Value = match;
            _limit.Value = limit;
            var hits = new List<SearchHit>(limit);
            using var reader = _command.ExecuteReader();
            while (reader.Read())
            {
                // FTS5's bm25() is negative, more negative being better; flip it.
                hits.Add(new SearchHit(reader.GetInt32(0), -reader.GetDouble(1)));
            }

            return hits;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
