using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Procurement.Infrastructure.Localization;
using Procurement.Infrastructure.Validation;

namespace Procurement.Tests.Infrastructure;

/// <summary>How every form page turns a command's refusal into messages: field, form or top of the page.</summary>
[Trait("Lane", "Fast")]
public sealed class FormCommandTests
{
    private static readonly UiText T = new();

    private static List<string> Messages(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    [Fact]
    public async Task Bad_input_goes_next_to_its_field_and_nothing_else_is_said()
    {
        var state = new ModelStateDictionary();

        var (ok, stale) = await FormCommand.TryAsync(state, T, () => throw new ValidationException([new ValidationFailure("Title", "案件名を入力してください。")]), FormCommand.Input);

        Assert.False(ok);
        Assert.False(stale);
        Assert.Equal(["案件名を入力してください。"], Messages(state, "Input.Title"));
        Assert.Single(state);
    }

    [Fact]
    public async Task A_refusal_with_several_reasons_is_one_message_a_reason_at_the_form()
    {
        var state = new ModelStateDictionary();

        var (ok, _) = await FormCommand.TryAsync(state, T, "Bid", () => throw new DomainRuleException("1行目: 点数が範囲外です。\n3行目: 評価項目が不明です。\n"));

        Assert.False(ok);
        Assert.Equal(["1行目: 点数が範囲外です。", "3行目: 評価項目が不明です。"], Messages(state, "Bid"));
    }

    [Fact]
    public async Task A_stale_page_is_said_at_the_top_and_reported_as_stale()
    {
        var state = new ModelStateDictionary();

        var (ok, stale) = await FormCommand.TryAsync(state, T, "Bid", () => throw new StaleVersionException());

        Assert.False(ok);
        Assert.True(stale);
        Assert.Single(Messages(state, ""));
    }

    [Fact]
    public async Task A_command_that_goes_through_leaves_no_message()
    {
        var state = new ModelStateDictionary();

        var (ok, stale) = await FormCommand.TryAsync(state, T, "Bid", () => Task.CompletedTask);

        Assert.True(ok);
        Assert.False(stale);
        Assert.True(state.IsValid);
    }
}
