using Procurement.Features.Evaluation.Scoring;
using static Procurement.Features.Evaluation.EvaluationText;

namespace Procurement.Features.Evaluation.Criteria;

/// <summary>Shape rules shared by defining and changing criteria.</summary>
public sealed class CriteriaItemsValidator : AbstractValidator<IReadOnlyList<CriteriaItem>>
{
    public CriteriaItemsValidator()
    {
        RuleForEach(items => items).ChildRules(item =>
        {
            item.RuleFor(i => i.Id).NotEmpty().WithMessage("項目番号を入力してください。").MaximumLength(100);
            item.RuleFor(i => i.Name).NotEmpty().WithMessage("評価項目名を入力してください。");
            item.RuleFor(i => i.MaxPoints).GreaterThanOrEqualTo(0).WithMessage("配点は0以上で入力してください。");
            item.RuleFor(i => i.Scale).IsInEnum();
            item.RuleFor(i => i.Anchors)
                .Must(a => a is null || (a.Count == 6 && a.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 50)))
                .WithMessage("5段階の評価の説明は、0〜5の6つすべてを50文字以内で入力してください。");
        });
    }
}

/// <summary>A command carrying a whole criteria definition.</summary>
public interface ICriteriaCommand
{
    IReadOnlyList<CriteriaCategory> Categories { get; }
    EvaluationSettings Settings { get; }
}

public sealed class CriteriaValidator : AbstractValidator<ICriteriaCommand>
{
    /// <summary>Lets a form that names the duplicated rows itself leave out this whole-list message.</summary>
    public const string DuplicateItemIdCode = "DuplicateItemId";

    public CriteriaValidator()
    {
        RuleFor(x => x.Categories).NotEmpty().WithMessage("評価区分を1つ以上入力してください。");
        RuleForEach(x => x.Categories).ChildRules(c =>
        {
            c.RuleFor(x => x.Id).NotEmpty().WithMessage("区分番号を入力してください。");
            c.RuleFor(x => x.Name).NotEmpty().WithMessage("区分名を入力してください。");
            c.RuleFor(x => x.Items).NotEmpty().WithMessage("評価項目を1つ以上入力してください。").SetValidator(new CriteriaItemsValidator());
        });
        RuleFor(x => x.Categories)
            .Must(cs => cs.SelectMany(c => c.Items).GroupBy(i => i.Id).All(g => g.Count() == 1))
            .WithMessage("項目番号が重複しています。")
            .WithErrorCode(DuplicateItemIdCode);
        RuleFor(x => x.Categories)
            .Must(cs => cs.All(c => c.Id != EvaluationView.DemonstrationCategoryId))
            .WithMessage(_ => T.Format("区分番号「{0}」はデモンストレーション用に予約されています。", EvaluationView.DemonstrationCategoryId));
        RuleFor(x => x.Settings.TechnicalWeight).GreaterThan(0).WithMessage("技術点の比率は0より大きい値にしてください。");
        RuleFor(x => x.Settings.PriceWeight).GreaterThanOrEqualTo(0).WithMessage("価格点の比率は0以上にしてください。");
        RuleFor(x => x.Settings.DivisionMultiplier).GreaterThan(0).WithMessage("除算方式の係数は0より大きい値にしてください。");
        RuleFor(x => x.Settings.PassLineRatio).InclusiveBetween(0, 1).When(x => x.Settings.PassLineRatio is not null).WithMessage("基準点の割合は0〜1で入力してください（6割は0.6）。");
        RuleFor(x => x.Settings.Floor!.Threshold).GreaterThanOrEqualTo(0).When(x => x.Settings.Floor is not null).WithMessage("最低基準は0以上で入力してください。");
        RuleFor(x => x.Settings.RoundingOrExact)
            .Must(r => new[] { r.Item, r.MemberTotal, r.Average, r.PricePoints }.All(x => x.Decimals is >= 0 and <= 10))
            .WithMessage("端数処理の桁数は0〜10で入力してください。");
    }
}
