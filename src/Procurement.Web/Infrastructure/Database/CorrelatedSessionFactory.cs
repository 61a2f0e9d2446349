using System.Diagnostics;

namespace Procurement.Infrastructure.Database;

/// <summary>Every session carries the request's correlation id, so events appended by one click can be found together.</summary>
public sealed class CorrelatedSessionFactory(IDocumentStore store, IHttpContextAccessor? http = null) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        session.CorrelationId = http?.HttpContext?.TraceIdentifier ?? Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        return session;
    }
}
