using Procurement.Infrastructure.Events;

namespace Procurement.Features.Documents;

/// <summary>
/// A document version was generated for a case (appended to the case stream). <paramref name="DataVersion"/> is the
/// case stream version the document was built from; <paramref name="FileId"/> points at the stored bytes
/// (<see cref="StoredFile"/>), whose SHA-256 is <paramref name="ContentHash"/>.
/// </summary>
public sealed record DocumentGenerated(
    Guid CaseId, string Kind, int Version, string TemplateId, string TemplateHash, string Title, string ContentHash,
    long DataVersion, Guid FileId, long Length, Actor By, DateTimeOffset At) : IAuditedEvent;
