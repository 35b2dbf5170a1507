namespace Sharekeep.Core;

/// <summary>Field name to messages, in the shape RFC 9457 validation problems use.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public static ValidationErrors Of(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return errors;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }
        messages.Add(message);
    }

    public bool Names(string field) => _errors.ContainsKey(field);

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public IReadOnlyList<string> Messages() => [.. _errors.Values.SelectMany(m => m)];

    public string FirstMessage() => _errors.Values.SelectMany(m => m).FirstOrDefault() ?? "";
}
