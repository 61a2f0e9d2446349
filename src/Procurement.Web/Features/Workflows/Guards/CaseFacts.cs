namespace Procurement.Features.Workflows.Guards;

/// <summary>
/// Facts a user confirms on a case (CaseFactRecorded), each checked by the guard of the same purpose.
/// They stand in until the feature that owns the underlying data checks it itself.
/// </summary>
public static class CaseFacts
{
    public const string CriteriaFrozen = "criteria-frozen";
    public const string CommitteeScoresSubmitted = "committee-scores-submitted";
    public const string MandatoryClausesChecked = "mandatory-clauses-checked";
    public const string OrdinanceAmended = "ordinance-amended";
    public const string CostShareAgreed = "cost-share-agreed";
    public const string ContractSigned = "contract-signed";
    public const string MigrationReconciled = "migration-reconciled";

    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CriteriaFrozen] = "評価基準が確定（凍結）された",
        [CommitteeScoresSubmitted] = "全委員の採点が提出された",
        [MandatoryClausesChecked] = "必須条項（データ提供・消去、三層の対策、個人情報、再委託）が含まれていることを確認した",
        [OrdinanceAmended] = "条例・規則の改正が議決・公布された",
        [CostShareAgreed] = "費用負担割合が協議会で合意された",
        [ContractSigned] = "契約書・SLAに双方が記名押印した",
        [MigrationReconciled] = "移行データの件数・金額・人数が現行システムと一致した",
    };

    public static bool IsKnown(string fact) => Titles.ContainsKey(fact);
}
