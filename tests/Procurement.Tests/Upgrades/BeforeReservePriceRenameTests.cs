using System.Diagnostics;
using System.Globalization;
using Marten;
using Npgsql;
using Procurement.Features.Demo;
using Procurement.Features.Documents;
using Procurement.Features.Evaluation;
using Procurement.Infrastructure.Auth;
using Procurement.Infrastructure.Database;
using Procurement.Tests.Documents;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Upgrades;

/// <summary>
/// A database backed up before the 予定価格 was one record (<c>Fixtures/before-reserve-price-rename.sql</c>: pg_dump of the
/// demo case with its vendors and evaluation, the evaluation's 予定価格 480,000,000 and the estimate comparison's earlier
/// "planned_price_recorded" 452,000,000) restored into a fresh database: today's app starts on it and reads the case.
/// </summary>
public sealed class BeforeReservePriceRenameTests
{
    /// <summary>A fresh database with the backup restored; <paramref name="change"/> runs on it before the app starts.</summary>
    private static async Task<AppFactory> StartOnRestoredBackupAsync(string? change = null)
    {
        var connection = await TestDatabase.CreateAsync("beforerename");
        await RestoreAsync(connection, Path.Combine(DocumentTestSupport.RepoRoot, "tests", "Procurement.Tests", "Upgrades", "Fixtures", "before-reserve-price-rename.sql"));
        if (change is not null) await ExecuteAsync(connection, change);
        var app = new AppFactory(connection);
        _ = app.Server;
        return app;
    }

    [Fact]
    public async Task The_restored_case_reads_its_reserve_price_scores_with_it_and_renders_documents()
    {
        await using var app = await StartOnRestoredBackupAsync();
        // The earlier record reads as today's event, with its figure and reason.
        await using (var session = app.Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(DemoData.CaseId);
            var earlier = Assert.Single(events.Select(e => e.Data).OfType<ReservePriceRecorded>());
            Assert.Equal((452_000_000m, ReservePriceSource.MedianEstimate, "RFQ見積3者の中央値"), (earlier.Amount, earlier.Source, earlier.Basis));

            // The evaluation's own record stays the 予定価格, as it was for scoring before the rename.
            var view = await EvaluationGate.LoadAsync(session, DemoData.CaseId, default);
            Assert.Equal(480_000_000m, EvaluationInputs.Build(view, [], includePrices: true).Prices!.ReservePrice);
        }

        var officer = await app.SignInAsync("officer1");
        var estimates = await officer.GetStringAsync($"/Cases/{DemoData.CaseId}/Estimates");
        Assert.Matches("id=\"planned-price-current\">[\\s\\S]*?480,000,000円", estimates);
        var prices = await officer.GetStringAsync($"/Cases/{DemoData.CaseId}/Evaluation/Prices");
        Assert.Matches("id=\"reserve\">480,000,000円", prices);
        var timeline = await officer.GetStringAsync($"/Cases/{DemoData.CaseId}");
        Assert.Contains("予定価格を記録しました", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("PlannedPriceRecorded", timeline, StringComparison.Ordinal);

        await using var asOfficer = await ActingUser.StartAsync(app, "officer1", Roles.Officer);
        foreach (var kind in new[] { "procurement-spec", "evaluation-criteria" })
        {
            var generated = await asOfficer.Send(m => m.Send(new GenerateDocument(DemoData.CaseId, kind, WorkingDraft: true)));
            Assert.True(generated.Created, kind);
        }
    }

    [Fact]
    public async Task Where_only_the_estimate_comparison_had_recorded_it_that_record_is_the_reserve_price()
    {
        // As in a database where the evaluation's price page was never used.
        await using var app = await StartOnRestoredBackupAsync("""
            delete from procurement.mt_events where type = 'reserve_price_recorded';
            update procurement.mt_doc_evaluationview set data = data - 'ReservePrice' - 'ReservePriceBasis';
            """);

        await using (var session = app.Store.QuerySession())
        {
            var view = await EvaluationGate.LoadAsync(session, DemoData.CaseId, default);
            Assert.Equal(452_000_000m, EvaluationInputs.Build(view, [], includePrices: true).Prices!.ReservePrice);
        }
        var officer = await app.SignInAsync("officer1");
        var prices = await officer.GetStringAsync($"/Cases/{DemoData.CaseId}/Evaluation/Prices");
        Assert.Matches("id=\"reserve\">452,000,000円", prices);
        Assert.Contains("RFQ見積3者の中央値", prices, StringComparison.Ordinal);
        var estimates = await officer.GetStringAsync($"/Cases/{DemoData.CaseId}/Estimates");
        Assert.Matches("id=\"planned-price-current\">[\\s\\S]*?452,000,000円[\\s\\S]*?見積中央値", estimates);
    }

    private static async Task RestoreAsync(string connectionString, string file)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var psql = EmbeddedPostgres.FindBinDirectory() is { } bin ? Path.Combine(bin, "psql") : "psql";
        var psi = new ProcessStartInfo(psql) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--host", cs.Host!, "--port", cs.Port.ToString(CultureInfo.InvariantCulture), "--username", cs.Username ?? "postgres",
                     "--no-password", "--quiet", "--set", "ON_ERROR_STOP=1", "--single-transaction", "--file", file, cs.Database! })
        {
            psi.ArgumentList.Add(a);
        }
        if (!string.IsNullOrEmpty(cs.Password)) psi.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        Assert.True(process.ExitCode == 0, error);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
