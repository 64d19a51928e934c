using System.Text;
using CustomerAnalytics.Data;

namespace CustomerAnalytics.Tests.Data;

/// <summary>
/// Damaged copies of the bundled Olist sample: whatever bytes a broken download or a careless edit leaves, a load
/// either succeeds with a consistent report or fails with a <see cref="WorkshopException"/> (and keeps the previous
/// table), never with another exception type.
/// </summary>
public class MutatedFileTests
{
    private const int Copies = 300;
    private const int LinesKept = 300; // a prefix of each file keeps the 300 loads quick

    private static readonly (string File, DatasetSchema Schema)[] Files =
    [
        (DatasetSchemas.OlistFiles.Customers, DatasetSchemas.OlistCustomers),
        (DatasetSchemas.OlistFiles.Orders, DatasetSchemas.OlistOrders),
        (DatasetSchemas.OlistFiles.Payments, DatasetSchemas.OlistPayments),
    ];

    [Fact]
    public void Mutated_olist_files_load_or_fail_with_a_workshop_exception()
    {
        using var temp = new TempFolder();
        using var db = new WorkshopDatabase();
        var originals = Files.Select(f => Prefix(Path.Combine(RepositoryPaths.Data, "olist", f.File))).ToArray();
        for (int f = 0; f < Files.Length; f++)
            DatasetLoader.LoadTable(db, $"t{f}", Save(temp, $"clean{f}.csv", originals[f]), Files[f].Schema);

        var random = new Random(20261201);
        var failures = new List<string>();
        int loaded = 0, refused = 0;
        for (int copy = 0; copy < Copies; copy++)
        {
            int f = copy % Files.Length;
            var (bytes, edits) = Mutate(originals[f], random);
            var path = Save(temp, $"copy{copy}.csv", bytes);
            var table = $"t{f}";
            long before = db.Count(table);
            // Budgets of 0 to 2 rows, so that damaged rows fail some loads and are tolerated in others.
            var options = new LoadOptions { MaxErrors = copy % 3 };
            try
            {
                var report = copy % 2 == 0
                    ? DatasetLoader.LoadTable(db, table, path, Files[f].Schema, options)
                    : DatasetLoader.LoadDataFrame(path, Files[f].Schema, options).Report;
                if (report.RowsRead != report.RowsAccepted + report.RowsRejected || report.RowsRejected > report.MaxErrors)
                    failures.Add($"copy {copy} ({edits}): inconsistent report {report}");
                else if (copy % 2 == 0 && db.Count(table) != report.RowsAccepted)
                    failures.Add($"copy {copy} ({edits}): table has {db.Count(table)} rows, report accepted {report.RowsAccepted}");
                loaded++;
            }
            catch (WorkshopException)
            {
                if (db.Count(table) != before) failures.Add($"copy {copy} ({edits}): a failed load changed the table");
                refused++;
            }
            catch (Exception e)
            {
                failures.Add($"copy {copy} ({edits}): {e.GetType().Name}: {e.Message}");
            }
            File.Delete(path);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The mutations must exercise both outcomes, or the test would prove nothing.
        Assert.InRange(loaded, 30, Copies - 30);
        Assert.InRange(refused, 30, Copies - 30);
    }

    private static byte[] Prefix(string path)
    {
        var lines = File.ReadLines(path, Encoding.UTF8).Take(LinesKept);
        return Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
    }

    private static string Save(TempFolder temp, string name, byte[] bytes)
    {
        var path = Path.Combine(temp.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>One to four random edits: bytes changed, inserted, deleted, the file cut, quotes, NULs, delimiters
    /// and line breaks inserted. Returns the bytes and a description for the failure message.</summary>
    private static (byte[] Bytes, string Edits) Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = new List<string>();
        int count = random.Next(1, 5);
        for (int e = 0; e < count && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0: bytes[at] = (byte)random.Next(256); edits.Add($"changed {at}"); break;
                case 1: bytes.Insert(at, (byte)random.Next(256)); edits.Add($"inserted {at}"); break;
                case 2:
                    int n = Math.Min(random.Next(1, 40), bytes.Count - at);
                    bytes.RemoveRange(at, n);
                    edits.Add($"deleted {n} at {at}");
                    break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); edits.Add($"cut at {at}"); break;
                case 4: bytes.Insert(at, (byte)'"'); edits.Add($"quote at {at}"); break;
                case 5: bytes.Insert(at, 0); edits.Add($"NUL at {at}"); break;
                case 6: bytes.Insert(at, (byte)','); edits.Add($"comma at {at}"); break;
                default: bytes.Insert(at, (byte)'\n'); edits.Add($"newline at {at}"); break;
            }
        }
        return ([.. bytes], string.Join(", ", edits));
    }
}
