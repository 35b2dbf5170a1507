namespace Sharekeep.Core.Links;

/// <summary>
/// The PBKDF2 iteration count new link passwords are hashed with. A deployment has exactly one,
/// <see cref="Production"/>: the constructor is internal, so no setting, variable or plug-in can lower it; only the
/// test assemblies (InternalsVisibleTo) make a cheaper one for their in-process servers, where 0.18 s of CPU a hash
/// would dominate the suite. Verifying reads the count from the stored hash, so it stays exact either way.
/// </summary>
public sealed class LinkPasswordCost
{
    internal LinkPasswordCost(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        Iterations = iterations;
    }

    public static LinkPasswordCost Production { get; } = new(LinkPasswordHasher.Iterations);

    public int Iterations { get; }
}
