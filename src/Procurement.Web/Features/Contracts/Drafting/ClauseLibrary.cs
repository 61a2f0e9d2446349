namespace Procurement.Features.Contracts.Drafting;

/// <summary>
/// One clause as data. <see cref="Paragraphs"/> are である体 texts with <c>{{ name }}</c> placeholders (the same
/// syntax as Scriban, so moving them into document-templates/ after the merge is a copy). A paragraph that is
/// exactly <c>@list:name</c> expands to the numbered items (1), (2)… of that list, <c>@table:name</c> to a table,
/// and <c>@lines:name</c> to one paragraph per line. Articles (<see cref="Numbered"/>) get 第N条 in order of appearance.
/// </summary>
public sealed record ClauseTemplate(
    string Id,
    DraftDocumentKind Kind,
    string Title,
    bool Mandatory,
    IReadOnlyList<string> Paragraphs,
    bool Numbered = true,
    string? OnlyWhen = null);

/// <summary>
/// The clause texts of the three drafts. Content follows the municipal contracts and 個人情報取扱特記事項 summarised
/// in docs/domain.md §3, §5, §6, §8; the mandatory flags are the clause families issue 4 and issue 6 require.
/// </summary>
public static class ClauseLibrary
{
    public const string Undecided = "【未定】";

    public static readonly IReadOnlyList<ClauseTemplate> All =
    [
        // ── 契約書（案）────────────────────────────────────────────────
        new("parties", DraftDocumentKind.Contract, "契約当事者", true,
        [
            "{{ kou }}（以下「甲」という。）と{{ otsu }}（以下「乙」という。）とは、「{{ case_title }}」（以下「本業務」という。）について、次の条項により契約を締結する。",
        ], Numbered: false),
        new("purpose", DraftDocumentKind.Contract, "目的", true,
        [
            "乙は、甲が別に定める調達仕様書及び別紙「SLA合意書」に従い、甲を構成する団体（以下「構成団体」という。）が共同で利用する情報システムをクラウドサービスとして提供し、甲はその対価を支払うものとする。",
        ]),
        new("period", DraftDocumentKind.Contract, "契約期間", true,
        [
            "この契約の期間は、{{ period_start }}から{{ period_end }}までとする。",
        ]),
        new("price", DraftDocumentKind.Contract, "契約金額", true,
        [
            "契約金額は、{{ price }}（うち消費税及び地方消費税の額を含む。）とする。",
            "2　甲は、乙から適法な支払請求書を受理した日から30日以内に、これを支払うものとする。",
        ]),
        new("deliverables", DraftDocumentKind.Contract, "成果物", true,
        [
            "乙は、次に掲げる成果物を、甲が指定する期日までに甲に提出しなければならない。",
            "@list:deliverables",
        ]),
        new("inspection", DraftDocumentKind.Contract, "検収", true,
        [
            "甲は、成果物の提出を受けた日から{{ inspection_days }}日以内に検査を行い、その結果を乙に通知する。",
            "2　乙は、検査に合格しなかった成果物について、甲が指定する期日までに修補し、改めて甲の検査を受けなければならない。",
            "3　検査に合格した時をもって、成果物の引渡しがあったものとする。",
        ]),
        new("nonconformity", DraftDocumentKind.Contract, "契約不適合責任", true,
        [
            "甲は、引き渡された成果物又は提供されたサービスが種類、品質又は数量に関して契約の内容に適合しないもの（以下「契約不適合」という。）であるときは、乙に対し、履行の追完、代金の減額若しくは損害賠償を請求し、又はこの契約を解除することができる。",
            "2　前項の請求等は、甲が契約不適合を知った日から{{ nonconformity_months }}か月以内にその旨を乙に通知した場合に限り、行うことができる。",
        ]),
        new("confidentiality", DraftDocumentKind.Contract, "秘密の保持", true,
        [
            "乙は、本業務の履行に当たって知り得た甲及び構成団体の秘密を第三者に漏らし、又は本業務以外の目的に使用してはならない。この契約が終了し、又は解除された後においても、同様とする。",
        ]),
        new("personal-info", DraftDocumentKind.Contract, "個人情報の保護", true,
        [
            "乙は、本業務の履行に当たり個人情報を取り扱う場合は、別記「個人情報取扱特記事項」を遵守しなければならない。",
        ]),
        new("security", DraftDocumentKind.Contract, "情報セキュリティ", true,
        [
            "乙は、総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」に基づく三層の対策（マイナンバー利用事務系の分離、LGWAN接続系とインターネット接続系の分割及びインターネット接続系における自治体情報セキュリティクラウドの利用）に適合する構成により、サービスを提供しなければならない。",
            "2　乙は、情報セキュリティに関する事故が発生し、又は発生するおそれがあることを知ったときは、直ちに甲に報告し、甲の指示に従わなければならない。",
        ]),
        new("subcontracting", DraftDocumentKind.Contract, "再委託", true,
        [
            "乙は、本業務の全部又は一部を第三者に委託し、又は請け負わせてはならない。ただし、あらかじめ書面により甲の承認を得た場合は、この限りでない。",
            "2　乙は、前項ただし書の承認を得て再委託するときは、再委託先にこの契約に基づく乙の義務と同等の義務を負わせるとともに、再委託先の行為について甲に対し全ての責任を負う。",
        ]),
        new("service-level", DraftDocumentKind.Contract, "サービスレベル", true,
        [
            "乙は、別紙「SLA合意書」に定めるサービスレベルを遵守し、その達成状況を四半期ごとに甲に報告しなければならない。",
            "2　サービスレベルを達成できなかった場合の違約金等の取扱いは、別紙「SLA合意書」の定めるところによる。",
            "3　甲又は構成団体が自ら調達する通信回線その他別紙「SLA合意書」に定める責任分界の外にあるものは、乙の責任の範囲に含まない。",
        ]),
        new("data-provision", DraftDocumentKind.Contract, "契約終了時のデータ提供", true,
        [
            "乙は、この契約が終了し、又は解除されるときは、甲及び構成団体が保有する全てのデータを、次の表に掲げる業務ごとに同表に定める標準に準拠した形式により、甲が指定する期日までに無償で甲に提供しなければならない。",
            "@table:businesses",
            "2　乙は、提供するデータの件数、金額及び人数等の合計値が、提供前のシステムにおける値と一致することを確認し、その結果を甲に報告しなければならない。",
        ]),
        new("data-erasure", DraftDocumentKind.Contract, "データの消去", true,
        [
            "乙は、前条によるデータの提供が完了し甲の確認を受けた後、サービスに記録された甲及び構成団体のデータ（バックアップを含む。）を復元不可能な方法により消去し、消去証明書を甲に提出しなければならない。",
        ]),
        new("next-vendor", DraftDocumentKind.Contract, "次期事業者への協力", true,
        [
            "乙は、この契約の終了に当たり、甲が選定する次期事業者へのデータ移行及び業務の引継ぎが円滑に行われるよう、必要な情報の提供その他の協力を行わなければならない。",
        ]),
        new("special", DraftDocumentKind.Contract, "特約事項", false,
        [
            "@lines:special_provisions",
        ], OnlyWhen: "special_provisions"),
        new("consultation", DraftDocumentKind.Contract, "協議", false,
        [
            "この契約に定めのない事項又はこの契約に関し疑義が生じた事項については、甲乙協議して定める。",
        ]),
        new("two-originals", DraftDocumentKind.Contract, "本書2通の作成", true,
        [
            "この契約の締結を証するため、本書2通を作成し、甲乙記名押印のうえ、各自1通を保有する。",
            "@signatures",
        ], Numbered: false),

        // ── SLA合意書（案）─────────────────────────────────────────────
        new("sla-parties", DraftDocumentKind.Sla, "合意当事者", true,
        [
            "{{ kou }}（以下「甲」という。）と{{ otsu }}（以下「乙」という。）とは、「{{ case_title }}」の契約に基づき乙が提供するサービスの品質について、次のとおり合意する。",
        ], Numbered: false),
        new("sla-history", DraftDocumentKind.Sla, "改版履歴", false,
        [
            "@table:revisions",
        ], Numbered: false),
        new("sla-purpose", DraftDocumentKind.Sla, "目的", true,
        [
            "この合意書は、乙が提供するサービスの品質の水準（以下「サービスレベル」という。）並びにその測定、報告及び未達成時の取扱いを定めることを目的とする。",
        ]),
        new("sla-boundary", DraftDocumentKind.Sla, "責任分界", true,
        [
            "次に掲げるものは、甲又は構成団体が自ら調達し管理するものであり、乙の責任の範囲に含まない。これらに起因する停止は、稼働率の算定において停止時間に含めない。",
            "@list:exclusions",
        ]),
        new("sla-items", DraftDocumentKind.Sla, "サービスレベル項目", true,
        [
            "サービスレベル項目の区分、指標、目標値、測定方法及び計算式は、次の表のとおりとする（{{ preset }}の水準を基に定めた。）。",
            "@table:sla_items",
        ]),
        new("sla-reporting", DraftDocumentKind.Sla, "測定及び報告", true,
        [
            "乙は、各サービスレベル項目を毎月測定し、四半期ごとにサービスレベル報告書を作成して甲に提出する。",
            "2　甲は、報告の内容について乙に説明を求め、又は測定の記録の提示を求めることができる。",
        ]),
        new("sla-penalty", DraftDocumentKind.Sla, "サービスレベル未達成時の取扱い", true,
        [
            "@lines:penalty",
        ]),
        new("sla-revision", DraftDocumentKind.Sla, "改版手続", true,
        [
            "この合意書は、甲又は乙の申出により協議し、甲乙が書面により合意したときに改定する。改定したときは、改版履歴に記録する。",
        ]),
        new("sla-two-originals", DraftDocumentKind.Sla, "本書2通の作成", true,
        [
            "この合意を証するため、本書2通を作成し、甲乙記名押印のうえ、各自1通を保有する。",
            "@signatures",
        ], Numbered: false),

        // ── 個人情報取扱特記事項 ───────────────────────────────────────
        new("pi-basic", DraftDocumentKind.PersonalInfo, "基本的事項", true,
        [
            "乙は、個人情報の保護の重要性を認識し、この契約による業務を実施するに当たっては、個人の権利利益を侵害することのないよう、個人情報を適正に取り扱わなければならない。",
        ]),
        new("pi-secrecy", DraftDocumentKind.PersonalInfo, "秘密の保持", true,
        [
            "乙は、この契約による業務に関して知り得た個人情報をみだりに他に知らせ、又は不当な目的に使用してはならない。この契約が終了し、又は解除された後においても、同様とする。",
        ]),
        new("pi-purpose", DraftDocumentKind.PersonalInfo, "目的外利用及び提供の禁止", true,
        [
            "乙は、甲の指示がある場合を除き、この契約による業務に関して知り得た個人情報を契約の目的以外の目的に利用し、又は第三者に提供してはならない。",
        ]),
        new("pi-copy", DraftDocumentKind.PersonalInfo, "複写又は複製の禁止", true,
        [
            "乙は、甲の承諾なしに、この契約による業務を処理するために甲から提供を受けた個人情報が記録された資料等を複写し、又は複製してはならない。",
        ]),
        new("pi-subcontract", DraftDocumentKind.PersonalInfo, "再委託の禁止", true,
        [
            "乙は、あらかじめ書面により甲の承認を得た場合を除き、個人情報を取り扱う業務を第三者に委託してはならない。",
        ]),
        new("pi-take-out", DraftDocumentKind.PersonalInfo, "持出しの禁止", true,
        [
            "乙は、甲の承諾なしに、個人情報が記録された資料等を甲が指定する場所から持ち出してはならない。",
        ]),
        new("pi-staff", DraftDocumentKind.PersonalInfo, "従事者の監督", true,
        [
            "乙は、この契約による業務に従事する者に対し、在職中及び退職後においても業務に関して知り得た個人情報を他に漏らしてはならないことその他個人情報の保護に必要な事項を周知し、監督しなければならない。",
        ]),
        new("pi-return", DraftDocumentKind.PersonalInfo, "資料等の返還等", true,
        [
            "乙は、この契約が終了し、又は解除されたときは、甲から提供を受け、又は乙が収集し、若しくは作成した個人情報が記録された資料等を、直ちに甲に返還し、又は復元不可能な方法により消去若しくは廃棄し、その旨を書面により甲に報告しなければならない。",
        ]),
        new("pi-inspection", DraftDocumentKind.PersonalInfo, "立入調査", true,
        [
            "甲は、必要があると認めるときは、乙の事業所等に立ち入り、個人情報の管理の状況を調査し、又は報告を求めることができる。",
        ]),
        new("pi-incident", DraftDocumentKind.PersonalInfo, "事故報告", true,
        [
            "乙は、個人情報の漏えい、滅失又は毀損その他の事故が発生し、又は発生するおそれがあることを知ったときは、直ちに甲に報告し、甲の指示に従わなければならない。",
        ]),
        new("pi-mynumber", DraftDocumentKind.PersonalInfo, "特定個人情報の取扱い", true,
        [
            "乙は、特定個人情報（行政手続における特定の個人を識別するための番号の利用等に関する法律第2条第8項に規定するものをいう。）を取り扱うときは、同法及び甲が定める安全管理措置を遵守しなければならない。",
        ]),
    ];

    public static IEnumerable<ClauseTemplate> For(DraftDocumentKind kind) => All.Where(c => c.Kind == kind);

    public static IEnumerable<ClauseTemplate> Mandatory(DraftDocumentKind kind) => For(kind).Where(c => c.Mandatory);
}
