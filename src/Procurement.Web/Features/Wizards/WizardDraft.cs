namespace Procurement.Features.Wizards;

/// <summary>
/// A half-finished wizard, kept per user so it survives sign-out. Not an event: nothing has been
/// decided until the review screen is submitted, and only then does the case history begin.
/// </summary>
public sealed class WizardDraft
{
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public string Wizard { get; set; } = "";
    public int Step { get; set; }
    public Dictionary<string, string> Values { get; set; } = [];
    public DateTimeOffset SavedAt { get; set; }

    public static string KeyFor(Guid userId, string wizard) => $"{wizard}:{userId:N}";

    public string Get(string key) => Values.GetValueOrDefault(key) ?? "";
}

public sealed class WizardDraftStore(IDocumentSession session, TimeProvider clock)
{
    public async Task<WizardDraft> LoadAsync(Guid userId, string wizard, CancellationToken ct = default) =>
        await session.LoadAsync<WizardDraft>(WizardDraft.KeyFor(userId, wizard), ct)
        ?? new WizardDraft { Id = WizardDraft.KeyFor(userId, wizard), UserId = userId, Wizard = wizard };

    public async Task SaveAsync(WizardDraft draft, CancellationToken ct = default)
    {
        draft.SavedAt = clock.GetUtcNow();
        session.Store(draft);
        await session.SaveChangesAsync(ct);
    }

    public async Task DiscardAsync(Guid userId, string wizard, CancellationToken ct = default)
    {
        session.Delete<WizardDraft>(WizardDraft.KeyFor(userId, wizard));
        await session.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<WizardDraft>> ForUserAsync(Guid userId, CancellationToken ct = default) =>
        await session.Query<WizardDraft>().Where(d => d.UserId == userId).OrderByDescending(d => d.SavedAt).ToListAsync(ct);
}
