using Marten;
using Procurement.Features.Users;
using Procurement.Tests.Infrastructure;

namespace Procurement.Tests.Admin.Users;

/// <summary>The admin's user edit page as the browser posts it: one field per input, repeated names for the check boxes.</summary>
public static class AdminUserForm
{
    public sealed record UserFields(Guid? Id, string UserName, string DisplayName, string[] Roles, Guid[] GroupIds,
        string Password = "", bool IsActive = true, bool Unlock = false);

    public static async Task<HttpResponseMessage> SaveUserAsync(this HttpClient admin, UserFields u, string? formPageUrl = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Id", u.Id?.ToString() ?? ""),
            new("Input.UserName", u.UserName),
            new("Input.DisplayName", u.DisplayName),
            new("Input.Password", u.Password),
            new("Input.IsActive", u.IsActive ? "true" : "false"),
        };
        fields.AddRange(u.Roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)));
        fields.AddRange(u.GroupIds.Select(g => new KeyValuePair<string, string>("Input.GroupIds", g.ToString())));
        if (u.Unlock) fields.Add(new("Input.Unlock", "true"));
        var page = formPageUrl ?? (u.Id is { } id ? $"/Admin/Users/Edit?id={id}" : "/Admin/Users/Edit");
        return await admin.PostFormAsync("/Admin/Users/Edit", fields, formPageUrl: page);
    }

    public static async Task<UserAccount> AccountAsync(this AppFactory app, string userName)
    {
        await using var session = app.Store.QuerySession();
        var normalized = UserAccount.Normalize(userName);
        return await session.Query<UserAccount>().SingleAsync(u => u.NormalizedUserName == normalized);
    }
}
