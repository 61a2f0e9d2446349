using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Features.Evaluation;
using Procurement.Features.Evaluation.Criteria;
using Procurement.Features.Evaluation.Scoring;
using Procurement.Infrastructure.Auth;
using Procurement.Tests.Infrastructure;
using static Procurement.Tests.Evaluation.Pages.EvaluationPageFlow;

namespace Procurement.Tests.Evaluation.Pages;

/// <summary>The 5段階 wording an officer writes in the criteria editor is what members choose from on their sheet.</summary>
public sealed class SheetAnchorTextTests(SharedApp shared) : IClassFixture<SharedApp>, IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await shared.FreshAsync();
        await EvaluationDemo.SeedAsync(_app.Store, _app.Clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_member_sees_the_officers_own_grade_texts_for_a_reworded_item_and_the_standard_ones_elsewhere()
    {
        IReadOnlyList<string> usability = ["記載なし", "操作が難しい", "やや操作が難しい", "標準的", "使いやすい", "職員が説明なしで使える"];
        var categories = EvaluationDemo.Criteria
            .Select(c => c with { Items = c.Items.Select(i => i.Id == "1-2" ? i with { Anchors = usability } : i).ToList() })
            .ToList();
        await using (var officer = await ActingUser.StartAsync(_app, "officer1"))
        {
            // The demo's proposals are open, so the wording changes the way a frozen definition does: with a reason.
            await officer.Send(m => m.Send(new ChangeFrozenCriteria(Case, categories, EvaluationDemo.Settings, "操作性の評価の説明を具体的にするため")));
        }

        var member = await _app.SignInAsync("member1");
        await DeclareNoConflictAsync(member);
        var html = await member.GetStringAsync($"{Hub}/Sheet");

        Assert.Contains("5 職員が説明なしで使える", html, StringComparison.Ordinal);
        Assert.Contains("1 操作が難しい", html, StringComparison.Ordinal);
        Assert.Contains($"5 {Marks.FiveLevelAnchors[5]}", html, StringComparison.Ordinal); // the other 5段階 items keep the standard texts
    }
}
