using System.Text;
using VanYen.Media.Server.Audit;

namespace VanYen.Media.Integration.Tests.Domain;

public class AuditCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("admin", "admin")]
    [InlineData("Nguyễn Văn A, xã An Thịnh", "\"Nguyễn Văn A, xã An Thịnh\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("@cmd", "'@cmd")]
    public void FieldsAreQuotedWhenTheyMustBeAndFormulasAreDisarmed(string? field, string expected)
    {
        Assert.Equal(expected, AuditCsv.Escape(field));
    }

    [Fact]
    public async Task EntriesWithCommasQuotesAndJsonReadBackFieldForField()
    {
        var entry = new AuditEntry(
            7,
            new DateTimeOffset(2025, 3, 14, 1, 30, 0, 123, TimeSpan.Zero),
            3,
            "Trần \"Út\", thôn Làng Hốc",
            "broadcast.started",
            "cluster",
            "12",
            11,
            """{"kind":"tts","text":"Bão số 3, \"khẩn cấp\""}""");
        using var writer = new StringWriter();

        await AuditCsv.WriteAsync(writer, [entry]);
        var rows = ParseCsv(writer.ToString());

        Assert.Equal(2, rows.Count);
        Assert.Equal(AuditCsv.Columns, rows[0]);
        Assert.Equal(
            ["7", "2025-03-14T01:30:00.123Z", "3", entry.UserName!, entry.Action, "cluster", "12", "11", entry.DetailsJson!],
            rows[1]);
        Assert.EndsWith("\r\n", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportWalksEveryPageOfTheFilteredLogNewestFirst()
    {
        using var db = new DomainTestDatabase();
        await using (var transaction = await db.Transactions.BeginAsync())
        {
            for (int i = 0; i < 2100; i++)
            {
                await db.Audit.AppendAsync(new NewAuditEntry { Action = i % 3 == 0 ? "program.cancelled" : "program.started", UserName = "user, " + i });
            }

            await transaction.CommitAsync();
        }

        using var writer = new StringWriter();
        await AuditCsv.ExportAsync(db.Audit, new AuditQuery { Action = "program.cancelled", Limit = 5 }, writer);
        var rows = ParseCsv(writer.ToString());

        Assert.Equal(701, rows.Count);
        var ids = rows.Skip(1).Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(700, ids.Distinct().Count());
        Assert.All(rows.Skip(1), r => Assert.Equal("program.cancelled", r[4]));
        Assert.Equal("user, 0", rows[^1][3]);
    }

    /// <summary>A strict RFC 4180 reader, written independently of the writer under test.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.Equal(0, field.Length);
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                Assert.Equal('\n', text[i + 1]);
                i++;
                fields.Add(field.ToString());
                field.Clear();
                rows.Add(fields.ToArray());
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted);
        Assert.Empty(fields);
        return rows;
    }
}
