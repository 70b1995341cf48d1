using System.Diagnostics.CodeAnalysis;

// The descriptors are built from PerfLint.Knowledge's RuleCatalog (Descriptors.cs), so the release-tracking analyzer
// cannot read their IDs from `new DiagnosticDescriptor("PL....")` literals and would call every row of
// AnalyzerReleases.Unshipped.md unused. RuleDocumentationTests checks instead that each catalog rule has exactly its
// row there (ID, category, severity).
[assembly: SuppressMessage("MicrosoftCodeAnalysisReleaseTracking", "RS2002:Rule is in unshipped release but not a supported diagnostic",
    Justification = "Descriptors come from RuleCatalog; RuleDocumentationTests checks the release file against it.")]
