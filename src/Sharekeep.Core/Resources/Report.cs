namespace Sharekeep.Core.Resources;

/// <summary>A report: a name and the data it shows, kept as the JSON text it was given.</summary>
public sealed record Report(Guid Id, string Name, string DataJson, DateTimeOffset Created);
