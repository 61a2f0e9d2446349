using FluentValidation.Results;

namespace Procurement.Infrastructure.Validation;

/// <summary>Runs every validator of a message before its handler, so no event is appended from bad input.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next(message, cancellationToken);
    }
}

/// <summary>A decision refused by the domain (not a field error): shown as a page-level message.</summary>
public class DomainRuleException(string message) : Exception(message);

/// <summary>The stream changed since the user loaded the page.</summary>
public sealed class StaleVersionException() : Exception("他の利用者がこの内容を変更しました。最新の内容を確認してから、もう一度保存してください。");
