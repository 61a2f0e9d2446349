using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Procurement.Features.Documents;
using Procurement.Features.Documents.Rendering;
using Procurement.Infrastructure;
using Procurement.Infrastructure.Auth;

namespace Procurement.Tests.Documents;

public sealed class DocumentServicesTests
{
    /// <summary>Development hosts validate every registration at start: the document handlers must all be resolvable.</summary>
    [Fact]
    public void Core_services_with_documents_pass_build_time_validation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Procurement:DocumentTemplates"] = Path.Combine(DocumentTestSupport.RepoRoot, "document-templates"),
        }).Build());
        services.AddSingleton<IHostEnvironment>(new TestEnvironment());
        services.AddLogging();
        services.AddProcurementCore();
        services.AddScoped<ICurrentUser>(_ => new FixedCurrentUser(Guid.Empty, "test"));

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        Assert.Equal(11, scope.ServiceProvider.GetRequiredService<TemplateCatalog>().All.Count);
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IMediator>());
        Assert.IsType<MartenDocumentFileStore>(scope.ServiceProvider.GetRequiredService<IDocumentFileStore>());
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "procurement";
        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
