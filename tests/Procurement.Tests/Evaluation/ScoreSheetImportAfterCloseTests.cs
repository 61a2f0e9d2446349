using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.ScoreSheets;
using Procurement.Infrastructure.Validation;
using static Procurement.Tests.Evaluation.EvaluationHarness;

namespace Procurement.Tests.Evaluation;

/// <summary>After the chair closes scoring an import is refused for what it is, before the file is read at all.</summary>
public sealed class ScoreSheetImportAfterCloseTests : IAsyncLifetime
{
    private EvaluationHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(nameof(ScoreSheetImportAfterCloseTests));
        await EvaluationDemo.SeedAsync(_h.Store, _h.Clock);
        await _h.ScoreDemoAsync();
        await _h.Send("chair", new CloseTechnicalScoring(_h.CaseId));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_import_after_the_close_is_refused_as_closed_whatever_the_file()
    {
        // Neither file is ever parsed: the one is no workbook at all, the other half a million rows.
        var rows = Uploads.CraftedFiles.Workbook("A1:B500000", sheet =>
        {
            for (var r = 1; r <= 500_000; r++) Uploads.CraftedFiles.Row(sheet, r, ("B", "x"));
        });
        var before = await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId));

        foreach (var file in new[] { "not excel"u8.ToArray(), rows })
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Send("member1", new ImportScoreSheet(_h.CaseId, file)));
            Assert.Equal("技術審査は締め切られています。", refused.Message);
        }
        Assert.Equal(before.Version, (await _h.Query("member1", q => q.GetMySheetAsync(_h.CaseId))).Version);
    }
}
