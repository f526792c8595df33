using System.Runtime.CompilerServices;
using System.Text;

namespace AuthActors.Configuration;

/// <summary>
/// Resolves substitutions against the whole parsed document (HOCON.md "Substitutions"), after
/// every file is parsed, so a substitution can look forward. Lookups walk only the fields on
/// their path ("The implementation must only resolve the foo field in bar, rather than
/// recursing the entire bar object"); every stack and every substitution occurrence is
/// resolved once and memoized; re-entering something still being resolved is a cycle, which
/// is broken by looking back at the field's earlier value when the field's own definition is a
/// substitution or concatenation, and reported as a chain of paths otherwise.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObjectNode _root;
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly int _maxDepth;
    private readonly int _maxResolveDepth;
    private readonly Dictionary<HoconStackNode, StackResult> _stacks = [];
    private readonly Dictionary<HoconNode, HoconValue?> _nodes = [];
    private readonly List<object> _inProgress = [];

    // Substitutions may repeat a value (b = ${a}${a}, c = ${b}${b}, ...): a 1 KB file can ask for
    // gigabytes. No setting needs more than these; a file that asks is refused where it asks.
    internal const int MaxStringLength = 1 << 20;
    internal const int MaxArrayLength = 1 << 16;
    internal const long MaxExpansion = 1L << 24;
    private long _expansion;
    private readonly HashSet<object> _inProgressSet = [];
    private string? _cycle;

    public HoconResolver(HoconObjectNode root, Func<string, string?> getEnvironmentVariable, int maxDepth)
    {
        _root = root;
        _getEnvironmentVariable = getEnvironmentVariable;
        _maxDepth = maxDepth;
        _maxResolveDepth = maxDepth * 4;
    }

    public HoconObject Resolve() => ResolveObject(_root);

    private StackResult ResolveStack(HoconStackNode node)
    {
        if (_stacks.TryGetValue(node, out StackResult known))
        {
            return known;
        }

        if (_inProgressSet.Contains(node))
        {
            // Only a substitution's lookup can come back here. The substitution reports the
            // cycle if this yields nothing (or, if it is optional, is undefined: HOCON.md
            // "Cycles should be treated the same as a missing value").
            _cycle ??= CycleChain(node);

            // HOCON.md "Self-Referential Substitutions": "if a cycle results, the implementation
            // must look back in the merge stack to try to resolve the cycle". An object or array
            // definition is not self-referential ("a : { b : ${a} }" is an unbreakable cycle).
            return node.Entry.IsOpaque && node.Below is not null ? ResolveStack(node.Below) : default;
        }

        ResolveEarlierValuesFirst(node);
        Enter(node, node.Entry);
        try
        {
            // HOCON.md "Duplicate keys": the latest definition wins unless it and the ones
            // below are objects, which merge; an undefined ${?x} leaves the earlier value.
            HoconValue? value = null;
            List<HoconObject>? objects = null;
            bool sealedBelow = false;
            for (HoconStackNode? n = node; n is not null; n = n.Below)
            {
                HoconValue? v = ResolveEntry(n.Entry);
                if (v is null)
                {
                    continue;
                }

                if (value is null)
                {
                    value = v;
                    if (v is not HoconObject)
                    {
                        sealedBelow = true;
                        break;
                    }
                }
                else if (v is HoconObject below)
                {
                    objects ??= [(HoconObject)value];
                    objects.Add(below);
                }
                else
                {
                    sealedBelow = true;
                    break;
                }
            }

            if (objects is not null)
            {
                value = HoconObject.MergeAll(objects);
            }

            var result = new StackResult(value, sealedBelow);
            _stacks[node] = result;
            return result;
        }
        finally
        {
            Exit(node);
        }
    }

    /// <summary>
    /// A field built up by many self-references (<c>a += x</c> a thousand times, or
    /// <c>s = ${s}x</c>) is a chain of earlier values, each needed by the next. Resolving the
    /// chain from its oldest end keeps the recursion one level deep instead of one level per
    /// definition.
    /// </summary>
    private void ResolveEarlierValuesFirst(HoconStackNode node)
    {
        List<HoconStackNode>? chain = null;
        for (HoconStackNode? earlier = EarlierValue(node.Entry);
             earlier is not null && !_stacks.ContainsKey(earlier) && !_inProgressSet.Contains(earlier);
             earlier = EarlierValue(earlier.Entry))
        {
            chain ??= [];
            chain.Add(earlier);
        }

        if (chain is null || chain.Count < 2)
        {
            return;
        }

        for (int i = chain.Count - 1; i > 0; i--)
        {
            ResolveStack(chain[i]);
        }

        static HoconStackNode? EarlierValue(HoconNode entry)
        {
            IEnumerable<HoconNode> parts = entry is HoconConcatNode concat ? concat.Parts : [entry];
            foreach (HoconNode part in parts)
            {
                if (part is HoconSubstitutionNode { SelfReference: true, Snapshot: not null } substitution)
                {
                    return substitution.Snapshot;
                }
            }

            return null;
        }
    }

    private HoconValue? ResolveEntry(HoconNode entry) => entry switch
    {
        HoconScalarNode scalar => scalar.Value,
        HoconObjectNode obj => ResolveObject(obj),
        HoconArrayNode array => ResolveArray(array),
        HoconSubstitutionNode substitution => ResolveSubstitution(substitution),
        HoconConcatNode concat => ResolveConcat(concat),
        _ => throw new InvalidOperationException("unknown HOCON node"),
    };

    private HoconObject ResolveObject(HoconObjectNode obj)
    {
        if (_nodes.TryGetValue(obj, out HoconValue? known))
        {
            return (HoconObject)known!;
        }

        var keys = new List<string>(obj.Slots.Count);
        var fields = new Dictionary<string, HoconValue>(obj.Slots.Count, StringComparer.Ordinal);
        foreach (HoconSlot slot in obj.Slots)
        {
            if (slot.Top is null)
            {
                continue;
            }

            HoconValue? value = ResolveStack(slot.Top).Value;
            if (value is null)
            {
                // HOCON.md "Substitutions": a field whose ${?x} is undefined is not created.
                continue;
            }

            CheckDepth(value, slot.Top.Entry, slot.DisplayPath);
            keys.Add(slot.Key);
            fields.Add(slot.Key, value);
        }

        var result = new HoconObject(keys, fields);
        _nodes[obj] = result;
        return result;
    }

    private HoconArray ResolveArray(HoconArrayNode array)
    {
        if (_nodes.TryGetValue(array, out HoconValue? known))
        {
            return (HoconArray)known!;
        }

        var items = new List<HoconValue>(array.Items.Count);
        foreach (HoconNode item in array.Items)
        {
            // HOCON.md "Substitutions": an undefined ${?x} element is not added.
            HoconValue? value = ResolveEntry(item);
            if (value is not null)
            {
                CheckDepth(value, item, "array element");
                items.Add(value);
            }
        }

        var result = new HoconArray(items);
        _nodes[array] = result;
        return result;
    }

    private HoconValue? ResolveSubstitution(HoconSubstitutionNode substitution)
    {
        if (_nodes.TryGetValue(substitution, out HoconValue? known))
        {
            return known;
        }

        if (_inProgressSet.Contains(substitution))
        {
            // HOCON.md: "Cycles should be treated the same as a missing value when resolving an
            // optional substitution".
            if (substitution.Optional)
            {
                return null;
            }

            throw substitution.Error($"substitution cycle: {CycleChain(substitution)}");
        }

        Enter(substitution, substitution);
        string? outerCycle = _cycle;
        _cycle = null;
        try
        {
            HoconValue? value;
            if (substitution.SelfReference)
            {
                value = substitution.Snapshot is null ? null : LookupInStack(substitution.Snapshot, substitution.Remaining, 0);
            }
            else
            {
                value = null;
                if (substitution.Prefix.Length > 0)
                {
                    value = Lookup(HoconPath.Concat(substitution.Prefix, substitution.Path));
                }

                value ??= Lookup(substitution.Path);
            }

            string variable = string.Join('.', substitution.Path);
            if (value is null)
            {
                // HOCON.md "Substitution fallback to environment variables": only when the
                // configuration has no value at all (an explicit null blocks the fallback).
                string? environment = _getEnvironmentVariable(variable);
                if (environment is not null)
                {
                    value = HoconScalar.String(environment);
                }
            }

            if (value is null && !substitution.Optional)
            {
                throw _cycle is not null
                    ? substitution.Error($"substitution cycle: {_cycle}")
                    : substitution.Error(Unresolved(substitution, variable));
            }

            _nodes[substitution] = value;
            return value;
        }
        finally
        {
            _cycle = outerCycle;
            Exit(substitution);
        }
    }

    private static string Unresolved(HoconSubstitutionNode substitution, string variable)
    {
        if (substitution.SelfReference)
        {
            return $"could not resolve substitution {substitution.Text}: it refers to '{substitution.FieldPath}', the field it defines, which has no earlier value, and there is no environment variable '{variable}'";
        }

        string path = HoconPath.Render(substitution.Path);
        string where = substitution.Prefix.Length > 0
            ? $"'{HoconPath.Render(HoconPath.Concat(substitution.Prefix, substitution.Path))}' or '{path}'"
            : $"'{path}'";
        return $"could not resolve substitution {substitution.Text}: there is no setting at {where} and no environment variable '{variable}' (use ${{?{path}}} if it may be absent)";
    }

    /// <summary>
    /// HOCON.md "Value concatenation": strings join (whitespace between them kept, null as
    /// "null"); arrays concatenate; objects merge, the later winning; mixing kinds is an error.
    /// An undefined ${?x} is left out; if every part is undefined, so is the value.
    /// </summary>
    private HoconValue? ResolveConcat(HoconConcatNode concat)
    {
        if (_nodes.TryGetValue(concat, out HoconValue? known))
        {
            return known;
        }

        var values = new HoconValue?[concat.Parts.Count];
        int objects = 0;
        int arrays = 0;
        int simple = 0;
        for (int i = 0; i < concat.Parts.Count; i++)
        {
            if (concat.Parts[i] is HoconWhitespaceNode)
            {
                continue;
            }

            HoconValue? value = ResolveEntry(concat.Parts[i]);
            values[i] = value;
            switch (value)
            {
                case null:
                    break;
                case HoconObject:
                    objects++;
                    break;
                case HoconArray:
                    arrays++;
                    break;
                default:
                    simple++;
                    break;
            }
        }

        HoconValue? result;
        if (objects + arrays + simple == 0)
        {
            result = null;
        }
        else if ((objects > 0 ? 1 : 0) + (arrays > 0 ? 1 : 0) + (simple > 0 ? 1 : 0) > 1)
        {
            string kinds = string.Join(" and ", new[] { objects > 0 ? "an object" : null, arrays > 0 ? "an array" : null, simple > 0 ? "a string" : null }.Where(k => k is not null));
            throw concat.Error($"cannot concatenate {kinds} in the value of '{concat.DisplayPath}' (only strings with strings, arrays with arrays, objects with objects)");
        }
        else if (objects > 0)
        {
            // The later object wins: the last part is the top layer.
            result = HoconObject.MergeAll(values.OfType<HoconObject>().Reverse().ToList());
        }
        else if (arrays > 0)
        {
            List<HoconArray> parts = [.. values.OfType<HoconArray>()];
            Expand(concat, parts.Sum(a => (long)a.Count), MaxArrayLength, "elements");
            result = HoconArray.Concat(parts);
        }
        else
        {
            long length = 0;
            for (int i = 0; i < concat.Parts.Count; i++)
            {
                length += concat.Parts[i] is HoconWhitespaceNode w ? w.Text.Length : values[i] is HoconScalar s ? s.Text.Length : 0;
            }

            Expand(concat, length, MaxStringLength, "characters");
            var sb = new StringBuilder();
            for (int i = 0; i < concat.Parts.Count; i++)
            {
                if (concat.Parts[i] is HoconWhitespaceNode ws)
                {
                    sb.Append(ws.Text);
                }
                else if (values[i] is HoconScalar scalar)
                {
                    sb.Append(scalar.Text);
                }
            }

            result = HoconScalar.String(sb.ToString());
        }

        _nodes[concat] = result;
        return result;
    }

    /// <summary>Bounds what substitutions make: one value, and the whole file's resolution.</summary>
    private void Expand(HoconConcatNode at, long size, int maxValue, string unit)
    {
        _expansion += size;
        if (size > maxValue)
        {
            throw at.Error($"the value of '{at.DisplayPath}' would be {size:N0} {unit} long after substitution, more than {maxValue:N0} (a substitution repeating itself?)");
        }

        if (_expansion > MaxExpansion)
        {
            throw at.Error($"substitutions expand this file past {MaxExpansion:N0} characters and elements, at '{at.DisplayPath}' (a substitution repeating itself?)");
        }
    }

    /// <summary>Looks up an absolute path from the root; null when nothing is there.</summary>
    private HoconValue? Lookup(string[] path)
    {
        if (!_root.TryGet(path[0], out HoconSlot slot) || slot.Top is null)
        {
            return null;
        }

        return LookupInStack(slot.Top, path, 1);
    }

    private HoconValue? LookupInStack(HoconStackNode node, string[] path, int index)
    {
        if (index == path.Length)
        {
            return ResolveStack(node).Value;
        }

        var next = new List<object>();
        CollectField(node, path[index], next);
        return LookupIn(next, path, index + 1);
    }

    /// <summary>
    /// Gathers, newest first, every definition of <paramref name="key"/> inside the objects that
    /// make up <paramref name="node"/>'s value, without resolving anything not on the path.
    /// Returns true when a non-object hides what lies below.
    /// </summary>
    private bool CollectField(HoconStackNode node, string key, List<object> next)
    {
        HoconStackNode? n = node;
        if (_inProgressSet.Contains(node) && node.Entry.IsOpaque)
        {
            _cycle ??= CycleChain(node);
            n = node.Below;
        }

        for (; n is not null; n = n.Below)
        {
            switch (n.Entry)
            {
                case HoconObjectNode obj:
                    if (obj.TryGet(key, out HoconSlot slot) && slot.Top is not null)
                    {
                        next.Add(slot.Top);
                    }

                    break;
                case HoconScalarNode:
                case HoconArrayNode:
                    return true;
                default:
                    HoconValue? value = ResolveEntry(n.Entry);
                    if (value is null)
                    {
                        break;
                    }

                    if (value is not HoconObject resolved)
                    {
                        return true;
                    }

                    if (resolved.TryGetValue(key, out HoconValue? field))
                    {
                        next.Add(field);
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>Continues a lookup through definitions gathered by <see cref="CollectField"/>.</summary>
    private HoconValue? LookupIn(List<object> definitions, string[] path, int index)
    {
        if (definitions.Count == 0)
        {
            return null;
        }

        if (index == path.Length)
        {
            HoconValue? value = null;
            List<HoconObject>? objects = null;
            foreach (object definition in definitions)
            {
                StackResult r = definition is HoconStackNode stack
                    ? ResolveStack(stack)
                    : new StackResult((HoconValue)definition, definition is not HoconObject);
                if (r.Value is not null)
                {
                    if (value is null)
                    {
                        value = r.Value;
                        if (value is not HoconObject)
                        {
                            return value;
                        }
                    }
                    else if (r.Value is HoconObject below)
                    {
                        objects ??= [(HoconObject)value];
                        objects.Add(below);
                    }
                    else
                    {
                        break;
                    }
                }

                if (r.SealedBelow)
                {
                    break;
                }
            }

            return objects is null ? value : HoconObject.MergeAll(objects);
        }

        var next = new List<object>();
        foreach (object definition in definitions)
        {
            if (definition is HoconStackNode stack)
            {
                if (CollectField(stack, path[index], next))
                {
                    break;
                }
            }
            else if (definition is HoconObject obj)
            {
                if (obj.TryGetValue(path[index], out HoconValue? field))
                {
                    next.Add(field);
                }
            }
            else
            {
                break;
            }
        }

        return LookupIn(next, path, index + 1);
    }

    private void CheckDepth(HoconValue value, HoconNode at, string where)
    {
        if (value.Depth >= _maxDepth)
        {
            throw at.Error($"the value of '{where}' nests deeper than {_maxDepth} levels");
        }
    }

    private void Enter(object item, HoconNode at)
    {
        if (_inProgress.Count >= _maxResolveDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw at.Error($"substitutions nest too deeply (more than {_maxResolveDepth} levels)");
        }

        _inProgress.Add(item);
        _inProgressSet.Add(item);
    }

    private void Exit(object item)
    {
        _inProgress.RemoveAt(_inProgress.Count - 1);
        _inProgressSet.Remove(item);
    }

    /// <summary>Names a cycle as the fields it passes through: <c>a -> b -> a</c>.</summary>
    private string CycleChain(object start)
    {
        int from = _inProgress.LastIndexOf(start);
        var labels = new List<string>();
        for (int i = Math.Max(from, 0); i < _inProgress.Count; i++)
        {
            string? label = _inProgress[i] switch
            {
                HoconStackNode stack => stack.DisplayPath,
                HoconSubstitutionNode substitution when i == from => HoconPath.Render(substitution.Path),
                _ => null,
            };
            if (label is not null && (labels.Count == 0 || labels[^1] != label))
            {
                labels.Add(label);
            }
        }

        labels.Add(labels.Count > 0 ? labels[0] : "?");
        return string.Join(" -> ", labels);
    }

    /// <summary>A stack's value, and whether a non-object in it hides anything further down.</summary>
    private readonly record struct StackResult(HoconValue? Value, bool SealedBelow);
}
