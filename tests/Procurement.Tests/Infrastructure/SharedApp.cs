using Microsoft.Extensions.DependencyInjection;

namespace Procurement.Tests.Infrastructure;

/// <summary>
/// One app and database for a whole test class (xunit creates a class fixture once per class): building a host costs
/// about as much as the average test, so a test asks for <see cref="FreshAsync"/> in its InitializeAsync and gets the
/// shared app reset to the demo data and the start time, as if it had started an app of its own.
/// <code>
/// public sealed class MyTests(SharedApp shared) : IClassFixture&lt;SharedApp&gt;, IAsyncLifetime
/// {
///     private AppFactory _app = null!;
///     public async Task InitializeAsync() => _app = await shared.FreshAsync();
///     public Task DisposeAsync() => Task.CompletedTask;
/// }
/// </code>
/// </summary>
public class SharedApp : IAsyncLifetime
{
    private AppFactory? _app;

    /// <summary>Extra app settings; a subclass that needs some overrides this.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>When the app's clock starts; a subclass for another date overrides this.</summary>
    protected virtual DateTimeOffset Start => AppFactory.StartTime;

    /// <summary>Service overrides for the class's app; a subclass that needs some overrides this.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The class's app: started on first use, reset to the demo data and start time on every later call.</summary>
    public async Task<AppFactory> FreshAsync()
    {
        if (_app is null)
        {
            _app = await AppFactory.StartAsync(GetType().Name, Settings, start: Start, configure: ConfigureServices);
        }
        else
        {
            await _app.ResetAsync();
        }
        return _app;
    }

    /// <summary>The class's app, fresh, with the evaluation steps of <see cref="Evaluation.EvaluationHarness"/> on top.</summary>
    public async Task<Evaluation.EvaluationHarness> EvaluationAsync() => new(await FreshAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
