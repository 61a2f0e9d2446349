using Procurement.Features.Cases;
using Procurement.Features.Documents;
using Procurement.Features.Sla;
using Procurement.Infrastructure.Events;
using Procurement.Infrastructure.Localization;

namespace Procurement.Tests.Documents;

/// <summary>The 調達仕様書 figures' and the SLA calendar's validators and decisions, without the web.</summary>
[Trait("Lane", "Fast")]
public sealed class SpecificationFiguresDecisionTests
{
    private static readonly UiText T = new();
    private static readonly Actor By = new(Guid.NewGuid(), "高森 花子");
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseSummary Case = new() { Id = Guid.NewGuid(), GroupId = Guid.NewGuid(), Title = "試験", TargetBusinesses = ["jukiki", "koseki", "zaimu"] };

    private static SaveSpecificationFigures Command(params SpecificMigrationInput[] migrations) =>
        new(Case.Id, 0, "高森町総務課情報係", 200, 3, 24, "前日の業務終了時点", 5, 2, 3, migrations);

    [Fact]
    public void An_override_without_a_reason_is_refused_naming_the_business_at_its_field()
    {
        var result = new SaveSpecificationFiguresValidator(T).Validate(Command(new SpecificMigrationInput("koseki", "  ", null)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("SpecificMigrations[0].Reason", error.PropertyName);
        Assert.Equal("戸籍を特定移行支援とする理由を入力してください。", error.ErrorMessage);
    }

    [Fact]
    public void Figures_out_of_range_are_named()
    {
        var result = new SaveSpecificationFiguresValidator(T).Validate(Command() with { Terminals = null, RtoHours = 0, Department = "" });

        Assert.Contains(result.Errors, e => e.PropertyName == "Terminals" && e.ErrorMessage == "端末台数は1から100000までの整数で入力してください。");
        Assert.Contains(result.Errors, e => e.PropertyName == "RtoHours" && e.ErrorMessage == "目標復旧時間（RTO、時間）は1から720までの整数で入力してください。");
        Assert.Contains(result.Errors, e => e.PropertyName == "Department" && e.ErrorMessage == "担当部署を入力してください。");
    }

    [Fact]
    public void Only_a_standardised_target_business_can_be_on_the_specific_migration_path_and_an_unchanged_save_records_nothing()
    {
        var zaimu = SaveSpecificationFiguresDecision.Decide(Case, null, Command(new SpecificMigrationInput("zaimu", "理由", null)), By, At);
        Assert.Equal("{0}は標準化対象事務ではないため、特定移行支援の対象になりません。", zaimu.Refusal);
        Assert.Empty(zaimu.Events);
        var other = SaveSpecificationFiguresDecision.Decide(Case, null, Command(new SpecificMigrationInput("kaigo", "理由", null)), By, At);
        Assert.Equal("業務「介護保険」はこの案件の対象業務ではありません。", other.RefusalText(T));

        var saved = Assert.IsType<SpecificationFiguresSaved>(Assert.Single(
            SaveSpecificationFiguresDecision.Decide(Case, null, Command(new SpecificMigrationInput("koseki", " 事業者の対応時期 ", new DateOnly(2028, 3, 31))), By, At).Events));
        var m = Assert.Single(saved.Figures.SpecificMigrations);
        Assert.Equal(("koseki", "事業者の対応時期", new DateOnly(2028, 3, 31)), (m.BusinessCode, m.Reason, m.TargetDate));
        Assert.Same(Decision.Nothing, SaveSpecificationFiguresDecision.Decide(Case, saved.Figures, Command(new SpecificMigrationInput("koseki", "事業者の対応時期", new DateOnly(2028, 3, 31))), By, At));

        var spec = saved.Figures.ApplyTo(SpecificationInfo.Defaults);
        Assert.False(spec.Defaulted);
        Assert.Equal(200, spec.Terminals);
        Assert.Equal(SpecificationInfo.Defaults.ServiceHours, spec.ServiceHours);
        var koseki = TargetBusiness.From("koseki", m);
        Assert.True(koseki.SpecificMigration);
        Assert.Equal("中間標準レイアウト仕様", koseki.DataStandardName);
        Assert.Equal("2028-03-31", koseki.SpecificMigrationTarget);
    }

    [Theory]
    [InlineData("8:30", 510)]
    [InlineData("08:30", 510)]
    [InlineData("２４:００", 1440)]
    [InlineData("24:01", null)]
    [InlineData("17:60", null)]
    [InlineData("8時30分", null)]
    [InlineData("", null)]
    public void Service_times_are_hours_and_minutes_up_to_24_00(string text, int? minutes) =>
        Assert.Equal(minutes, ServiceCalendarInput.ParseTime(text));

    [Fact]
    public void The_SLA_calendar_is_refused_with_its_field_named_and_saved_as_entered()
    {
        var valid = new SaveSlaCommand(Guid.NewGuid(), 0, SlaPreset.OtherService, [new SlaItemInput(SlaCategory.Availability, "稼働率", "99.5%以上", "監視", "式")],
            new PenaltyInput(PenaltyKind.AnnualAchievement, 1, 2, 3, 5, 12), ["回線"])
        {
            Calendar = new ServiceCalendarInput([DayOfWeek.Friday, DayOfWeek.Monday], 510, 1035, true, true),
        };
        Assert.True(new SaveSlaValidator(T).Validate(valid).IsValid);
        var calendar = SaveSlaDecision.ToDefinition(valid).Calendar;
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], calendar.Days);
        Assert.True(calendar.ExcludeHolidays);

        var reversed = new SaveSlaValidator(T).Validate(valid with { Calendar = new ServiceCalendarInput([DayOfWeek.Monday], 1035, 510, false, false) });
        var error = Assert.Single(reversed.Errors);
        Assert.Equal(("Calendar.EndMinute", "サービス提供時間の開始時刻は終了時刻より前にしてください。"), (error.PropertyName, error.ErrorMessage));
        var noDays = new SaveSlaValidator(T).Validate(valid with { Calendar = new ServiceCalendarInput([], null, 510, false, false) });
        Assert.Contains(noDays.Errors, e => e.PropertyName == "Calendar.Days" && e.ErrorMessage == "サービス提供日の曜日を1つ以上選択してください。");
        Assert.Contains(noDays.Errors, e => e.PropertyName == "Calendar.StartMinute");
    }
}
