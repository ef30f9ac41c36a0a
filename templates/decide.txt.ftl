<#import "lib/words.ftl" as w>
<#-- The text report of `decide`: the verdict first, then each test; an unanswered test shows
     the question that would settle it. -->
<#macro evaluation e indent>
<#list e.tests as t>
${indent}${t.number}. ${w.testName[t.key]?right_pad(17)} <#if t.answer??>${t.answer?right_pad(10)} ${t.source?right_pad(9)} -> ${w.primitive[t.vote]}<#if t.decides>  (decides)<#elseif t.conflicts>  (disagrees)</#if><#if t.flow??>  [flow: ${t.flow} each consume it]<#elseif t.cue??>  [cue: "${t.cue}"]</#if><#else>${"-"?right_pad(10)} not answered
${indent}   ask: ${w.question[t.key]}</#if>
</#list>
<#if e.verdict == "undecided">
${indent}Undecided: answer test 1 (restart), or describe the path in more words.
<#elseif e.conflict && e.settledBy??>
${indent}Conflict explained by the case ${e.nearest.id}: ${w.tests(e.conflicting)} disagree<#if e.conflicting?size == 1>s</#if> with test ${e.decidedBy}, as expected for such a path; no split needed.
<#elseif e.conflict>
${indent}Conflict: ${w.tests(e.conflicting)} disagree<#if e.conflicting?size == 1>s</#if> with test ${e.decidedBy}; the path may be two concerns: split it into parts.
<#if (e.tests[1].answer!"") == "fan-out" && (e.tests[2].answer!"") == "slow">
${indent}Or, if every subscriber must do that slow work for every message: one stream with one durable consumer per subscriber (durable fan-out).
</#if>
<#else>
${indent}No conflict.
</#if>
<#if e.nearest??>
${indent}Nearest case: ${e.nearest.id} (${w.primitive[e.nearest.primitive]}), <#if e.nearest.agrees>agrees<#else>differs: review the answers</#if>
</#if>
</#macro>
${title}
Verdict: ${w.primitive[verdict]}<#if !split && whole.decidedBy??>, decided by test ${whole.decidedBy} (${whole.decidedByKey})</#if>
<#if split>
<#list parts as p>

Part "${p.name}": ${w.primitive[p.evaluation.verdict]}<#if p.evaluation.decidedBy??>, decided by test ${p.evaluation.decidedBy} (${p.evaluation.decidedByKey})</#if>
<@evaluation e=p.evaluation indent="  " />
</#list>
<#else>

<@evaluation e=whole indent="" />
</#if>
