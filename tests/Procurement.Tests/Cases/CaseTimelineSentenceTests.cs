using Procurement.Features.Cases;
using Procurement.Features.Documents;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;

namespace Procurement.Tests.Cases;

/// <summary>The case timeline reads as sentences: no record shows its code name (「DocumentGenerated」) to a user.</summary>
[Trait("Lane", "Fast")]
public sealed class CaseTimelineSentenceTests
{
    [Fact]
    public void A_generated_document_reads_as_its_title_and_version()
    {
        var e = new DocumentGenerated(Guid.NewGuid(), "procurement-spec", 2, "procurement-spec", "t", "調達仕様書", "abc123", 7, Guid.NewGuid(), 1024,
            new Actor(Guid.NewGuid(), "高森 花子"), DateTimeOffset.UnixEpoch);

        var (what, detail) = CaseTimeline.Describe(e, new UiText());

        Assert.Equal("調達仕様書（第2版）を作成しました", what);
        Assert.Equal("SHA-256: abc123", detail);
    }

    [Fact]
    public void Amounts_read_in_the_readers_language_not_a_mix_of_yen_and_円()
    {
        var opened = new CaseOpened(Guid.NewGuid(), Guid.NewGuid(), "共同調達", ["juki"], CloudForm.SaaS,
            new DateOnly(2029, 4, 1), 480_000_000, new Actor(Guid.NewGuid(), "高森 花子"), DateTimeOffset.UnixEpoch);
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
            var (_, english) = CaseTimeline.Describe(opened, new UiText());
            Assert.Contains("480,000,000 yen", english, StringComparison.Ordinal);
            Assert.DoesNotContain("円", english, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
        Assert.Contains("480,000,000円", CaseTimeline.Describe(opened, new UiText()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_record_of_a_case_stream_feature_describes_itself()
    {
        // Evaluation and group streams have their own histories (EvaluationHistory, the group page), as has the group's
        // vendor directory; workflow events are described by WorkflowTimeline. Everything else may appear on the case or
        // dossier timeline.
        string[] ownHistories = ["Procurement.Features.Evaluation", "Procurement.Features.Groups", "Procurement.Features.Workflows"];
        Type[] directory = [typeof(Procurement.Features.Vendors.VendorRegistered)];
        var undescribed = typeof(CaseTimeline).Assembly.GetTypes()
            .Where(t => typeof(IAuditedEvent).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .Where(t => !ownHistories.Any(ns => t.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true))
            .Where(t => !directory.Contains(t))
            .Where(t => t != typeof(CaseOpened) && t != typeof(CaseDetailsChanged) && !typeof(ITimelineDescribed).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(undescribed);
    }
}
