namespace Procurement.Infrastructure.Auth;

/// <summary>
/// The access rule of every request, before validation and the handler: pages are not the only door, so a
/// handler called directly refuses a wrong role or a non-member the same way. A request type without a rule
/// is refused (a test lists every request type and asks for one).
/// </summary>
public sealed class AuthorisationBehavior<TMessage, TResponse>(ICurrentUser user, IServiceProvider services)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    private static readonly AccessAttribute? Rule = Access.RuleOf(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var caseId = (message as ICaseRequest)?.CaseId;
        var groupId = (message as IGroupRequest)?.GroupId;
        // Resolved only when membership is asked: the CLI shares this pipeline without the web's CaseAccess.
        var access = caseId is null && groupId is null ? null : services.GetService(typeof(CaseAccess)) as CaseAccess;
        await Access.DemandAsync(Rule, user, access, caseId, groupId, cancellationToken);
        return await next(message, cancellationToken);
    }
}
