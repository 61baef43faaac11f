using System.Collections.Immutable;
using System.Text;
using ActorImport.Python.Syntax;
using ActorImport.Python.Tokenizing;

namespace ActorImport.Python.Parsing;

// import and from-import, plain and PEP 810 lazy.
internal sealed partial class Parser
{
    /// <summary><c>[lazy] import a.b [as c], …</c>; the current token is <c>import</c>, <paramref name="start"/> the first token (<c>lazy</c> or <c>import</c>).</summary>
    private ImportStatement ParseImport(BlockContext context, Token start, bool isLazy)
    {
        _pos++;
        var names = ImmutableArray.CreateBuilder<ImportAlias>();
        do
        {
            if (names.Count > 0)
            {
                _pos++; // ','
            }
            Token first = Current;
            string name = ParseDottedName();
            names.Add(new ImportAlias(first.Start, name, ParseOptionalAlias()));
        }
        while (IsOp(","));
        if (isLazy)
        {
            CheckLazyPlacement(context, start, "import");
        }
        return new ImportStatement(start.Start, names.ToImmutable(), isLazy, context.InFunction);
    }

    /// <summary>
    /// <c>[lazy] from [.…]module import (a [as b], …) | *</c>. The leading dots may come as
    /// <c>.</c> and <c>...</c> tokens in any mix; the level counts every dot.
    /// </summary>
    private ImportFromStatement ParseFromImport(BlockContext context, Token start, bool isLazy)
    {
        _pos++;
        int level = 0;
        while (IsOp(".") || IsOp("..."))
        {
            level += Current.Text.Length;
            _pos++;
        }
        string? module = null;
        if (!IsName("import"))
        {
            module = ParseDottedName();
        }
        else if (level == 0)
        {
            throw Error("invalid syntax", Current);
        }
        if (!IsName("import"))
        {
            throw Error("invalid syntax", Current);
        }
        _pos++;
        var names = ImmutableArray.CreateBuilder<ImportAlias>();
        bool isStar = false;
        if (IsOp("*"))
        {
            isStar = true;
            names.Add(new ImportAlias(Current.Start, "*", null));
            _pos++;
        }
        else
        {
            bool parenthesised = IsOp("(");
            if (parenthesised)
            {
                _pos++;
            }
            while (true)
            {
                Token nameToken = Current;
                string name = ExpectIdentifier();
                names.Add(new ImportAlias(nameToken.Start, name, ParseOptionalAlias()));
                if (!IsOp(","))
                {
                    break;
                }
                _pos++;
                if (parenthesised && IsOp(")"))
                {
                    break;
                }
                if (!parenthesised && AtStatementEnd)
                {
                    throw Error("trailing comma not allowed without surrounding parentheses", _tokens[_pos - 1]);
                }
            }
            if (parenthesised)
            {
                ExpectOp(")");
            }
        }
        if (module == "__future__" && level == 0 && !isLazy)
        {
            CheckFutureImport(start, names);
        }
        if (isLazy)
        {
            CheckLazyPlacement(context, start, "from ... import");
            if (isStar)
            {
                throw Error("lazy from ... import * is not allowed", start);
            }
            if (module == "__future__" && level == 0)
            {
                throw Error("lazy from __future__ import is not allowed", start);
            }
        }
        return new ImportFromStatement(start.Start, module, level, names.ToImmutable(), isStar, isLazy, context.InFunction);
    }

    /// <summary>
    /// PEP 810: a lazy import may stand only in module scope and outside <c>try</c>. The checks
    /// and messages are CPython's (<c>symtable.c</c>, <c>check_lazy_import_context</c>), in its
    /// order: try block first, then function, then class. <c>with</c>, <c>if</c>, loops and
    /// <c>match</c> at module level are allowed (the ban on <c>with</c> was dropped from the PEP).
    /// </summary>
    private void CheckLazyPlacement(BlockContext context, Token start, string importType)
    {
        string? where = context switch
        {
            { InTry: true } => "try/except blocks",
            { Scope: ScopeKind.Function } => "functions",
            { Scope: ScopeKind.Class } => "classes",
            _ => null,
        };
        if (where is not null)
        {
            throw Error($"lazy {importType} not allowed inside {where}", start);
        }
    }

    /// <summary>
    /// <c>from __future__ import</c> must come first (after the docstring) and name a feature
    /// Python 3.11 knows; CPython checks both before running anything (future.c).
    /// </summary>
    private void CheckFutureImport(Token start, ImmutableArray<ImportAlias>.Builder names)
    {
        if (!_futureAllowed)
        {
            throw Error("from __future__ imports must occur at the beginning of the file", start);
        }
        foreach (ImportAlias alias in names)
        {
            if (alias.Name == "braces")
            {
                throw Error("not a chance", start);
            }
            if (alias.Name is not ("nested_scopes" or "generators" or "division" or "absolute_import" or "with_statement"
                or "print_function" or "unicode_literals" or "barry_as_FLUFL" or "generator_stop" or "annotations"))
            {
                throw Error($"future feature {alias.Name} is not defined", start);
            }
        }
    }

    /// <summary>Ends the future-import prologue at the first statement that is neither the docstring nor a future import.</summary>
    private void NoteStatementForFuture(Statement statement)
    {
        bool isDocstring = !_seenStatement && statement is ExpressionStatement { Value: var value } && IsStringsOnly(value);
        if (!isDocstring && statement is not ImportFromStatement { Module: "__future__", Level: 0, IsLazy: false })
        {
            _futureAllowed = false;
        }
        _seenStatement = true;
    }

    private static bool IsStringsOnly(Expression expression)
    {
        foreach (Token token in expression.Tokens)
        {
            if (token.Kind != TokenKind.String)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary><c>name ('.' name)*</c>.</summary>
    private string ParseDottedName()
    {
        string first = ExpectIdentifier();
        if (!IsOp("."))
        {
            return first;
        }
        var dotted = new StringBuilder(first);
        while (IsOp("."))
        {
            _pos++;
            dotted.Append('.').Append(ExpectIdentifier());
        }
        return dotted.ToString();
    }

    /// <summary><c>[as name]</c>.</summary>
    private string? ParseOptionalAlias()
    {
        if (!IsName("as"))
        {
            return null;
        }
        _pos++;
        return ExpectIdentifier();
    }
}
