namespace Procurement.Features;

[IgnoreAntiforgeryToken]
[Access(Access.Anonymous, Reason = "the error page must render for anyone, signed in or not")]
public sealed class ErrorModel(UiText t) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Heading, Message) = code switch
        {
            404 => (t["ページが見つかりません"], t["指定されたページは存在しないか、参照する権限がありません。"]),
            403 => (t["権限がありません"], t["この操作を行う権限がありません。"]),
            400 => (t["リクエストが正しくありません"], t["画面を再読み込みしてから、もう一度操作してください。"]),
            _ => (t["エラーが発生しました"], t["処理中にエラーが発生しました。時間をおいて再度お試しください。"]),
        };
    }
}
