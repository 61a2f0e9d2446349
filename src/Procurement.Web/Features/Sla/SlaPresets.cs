namespace Procurement.Features.Sla;

/// <summary>
/// Starting points for an SLA, from the values in docs/domain.md §5: 経産省 SaaS向けSLAガイドライン (2008) gives
/// 稼働率 99.9%, mean recovery 1 h for 基幹業務 and 12 h for other services, backups kept 5 years vs 3 months; the
/// municipal tables add the 30-day planned-stop notice and the 3-second response rate, and an enquiry answer-time rate
/// completes the support items. The data erasure after the contract is not an item measured monthly: its one deadline
/// is the 個人情報取扱特記事項's. They are examples to edit per case, not rules, which is why they are data here.
/// </summary>
public static class SlaPresets
{
    private const string AvailabilityFormula = "稼働率(%) = (計画サービス時間 − 停止時間) ÷ 計画サービス時間 × 100";

    public static SlaDefinition Create(SlaPreset preset)
    {
        var core = preset == SlaPreset.CoreBusiness;
        IReadOnlyList<SlaItem> items =
        [
            new SlaItem(SlaCategory.Availability, "サービス稼働率", core ? "99.9%以上（月間）" : "99.5%以上（月間）",
                "監視ツールで停止時間を記録する", AvailabilityFormula)
                { Metric = SlaMetric.Availability, Agreed = core ? 99.9m : 99.5m, Unit = "%", Weight = 3 },
            new SlaItem(SlaCategory.Availability, "計画停止の事前通知", "計画停止日の30日前まで",
                "通知書の発出日と計画停止日を記録する", "計画停止の開始日 − 通知日（期間中の最短日数）")
                { Metric = SlaMetric.MaintenanceNotice, Agreed = 30, Unit = "日", Weight = 1 },
            new SlaItem(SlaCategory.Reliability, "平均復旧時間（MTTR）", core ? "1時間以内" : "12時間以内",
                "障害管理票に発生時刻と復旧時刻を記録する", "平均復旧時間 = 復旧時間の合計 ÷ 障害件数")
                { Metric = SlaMetric.RecoveryTime, Agreed = core ? 1 : 12, Comparison = SlaComparison.AtMost, Unit = "時間", Weight = 2 },
            new SlaItem(SlaCategory.Reliability, "障害発生時の通知時間", core ? "検知から1時間以内" : "検知から8時間以内",
                "障害管理票に検知時刻と通知時刻を記録する", "通知時刻 − 検知時刻（期間中の最長）")
                { Metric = SlaMetric.Value, Agreed = core ? 1 : 8, Comparison = SlaComparison.AtMost, Unit = "時間", Weight = 1 },
            new SlaItem(SlaCategory.Performance, "オンライン応答時間遵守率", "3秒以内の応答が99%以上",
                "応答時間をサーバ側で全件計測する", "遵守率(%) = 3秒以内に応答した処理件数 ÷ 全処理件数 × 100")
                { Metric = SlaMetric.Rate, Agreed = 99, Unit = "%", Weight = 2 },
            new SlaItem(SlaCategory.Support, "障害受付時間", "24時間365日（電話及び電子メール）",
                "受付窓口の受付記録", "受付できなかった時間の有無を確認する"),
            new SlaItem(SlaCategory.Support, "問合せ受付時間", "平日9時から17時まで（12月29日から1月3日までを除く）",
                "問合せ管理簿", "受付時間内に受付できなかった時間の有無を確認する"),
            new SlaItem(SlaCategory.Support, "問合せ回答時間", "受付の翌営業日の17時までに一次回答した割合が95%以上",
                "問合せ管理簿に受付日時と一次回答日時を記録する", "回答率(%) = 期限内に一次回答した件数 ÷ 問合せ件数 × 100")
                { Metric = SlaMetric.Rate, Agreed = 95, Unit = "%", Weight = 1 },
            new SlaItem(SlaCategory.Security, "情報セキュリティ監査及び脆弱性診断", "年1回以上",
                "監査報告書及び診断報告書の提出", "実施計画に沿って実施されているかを確認する"),
            new SlaItem(SlaCategory.Security, "セキュリティ事故の報告", "検知から1時間以内に第一報",
                "インシデント管理票に検知時刻と報告時刻を記録する", "報告時刻 − 検知時刻（期間中の最長）")
                { Metric = SlaMetric.Value, Agreed = 1, Comparison = SlaComparison.AtMost, Unit = "時間", Weight = 1 },
            new SlaItem(SlaCategory.Backup, "定時バックアップ取得率", "100%",
                "バックアップ取得ログ", "取得率(%) = 取得に成功した回数 ÷ 予定回数 × 100")
                { Metric = SlaMetric.Rate, Agreed = 100, Unit = "%", Weight = 1 },
            new SlaItem(SlaCategory.Backup, "バックアップ保存期間", core ? "5年間" : "3か月間",
                "保存世代の一覧を報告する", "最古の保存世代の取得日から報告日までの期間を確認する"),
            new SlaItem(SlaCategory.Data, "目標復旧時点（RPO）", core ? "障害発生の直前" : "前日の業務終了時点",
                "復旧作業報告書", "復旧したデータの最終更新時刻と障害発生時刻の差を確認する"),
        ];
        return new SlaDefinition(preset, items, PenaltySettings.Default, DefaultExclusions);
    }

    /// <summary>What municipalities usually procure themselves (ASP・SaaS導入活用ガイドライン: state the boundary).</summary>
    public static readonly IReadOnlyList<string> DefaultExclusions =
    [
        "各団体の庁舎から接続拠点までの通信回線（各団体が自ら調達するもの）",
        "各団体の庁内ネットワーク、端末及びプリンタ等の機器",
        "LGWAN及び自治体情報セキュリティクラウドの各団体側設備",
    ];
}
