<#-- The design file that `kv-or-stream new` writes; `answers` and `why` are filled by --ask
     or the answer options, `links` (supersedes, amends, related: lists of numbers) by
     --supersedes, --amends, --related. The MCP tool new_decision also gives status, tags,
     context, flow and caseId; each left out keeps the placeholder below. Answer words, keys
     and the status are checked before they get here; every other text is quoted. -->
# yaml-language-server: $schema=design.schema.json
title: ${yaml(title)}
status: ${status!"proposed"}
date: ${date}
# deciders: [platform team]
<#if tags?has_content>
tags: [<#list tags as tag>${yaml(tag)}<#sep>, </#list>]
<#else>
# tags: []
</#if>
<#if context?has_content>
<#if context?matches(r"[^\x00-\x08\x0B-\x1F\x7F-\x9F\r\uFEFF]*", "s") && !context?contains(" \n") && !context?ends_with(" ")>
context: |<#if context?matches(r"[\n ].*", "s")>2</#if>
<#list context?split("\n") as line>
<#if line?has_content>  ${line}</#if>
</#list>
<#else>
context: ${yaml(context)}
</#if>
<#else>
context: |
  What flows over this path, between which components, and why it is needed.
</#if>
<#if flow??>
flow:
<#if flow.producer??>
  producer: ${yaml(flow.producer)}
</#if>
<#if flow.consumers?has_content>
  consumers: [<#list flow.consumers as consumer>${yaml(consumer)}<#sep>, </#list>]
</#if>
<#if flow.subject??>
  subject: ${yaml(flow.subject)}
</#if>
<#else>
# flow:
#   producer: name-of-the-publisher
#   consumers: [name-of-a-consumer]
#   subject: some.subject.>
</#if>

# The four tests, in order; the first answered one decides. Leave out what you do not
# know: it is inferred from the title and context (and marked as inferred).
<#assign given = answers!{}>
<#assign reasons = why!{}>
answers:
  # Test 1, restart: if the processor restarted, should it handle again what it had
  # already handled? reprocess (yes, that is the right recovery) | resume (no, that would be wrong)
  <#if given.restart??>restart: ${given.restart}<#else># restart:</#if>
  # Test 2: should every interested processor react, or exactly one handle each message?
  # fan-out | queue
  <#if given.delivery??>delivery: ${given.delivery}<#else># delivery:</#if>
  # Test 3: is handling fast and idempotent, or slow with real side effects?
  # fast | slow
  <#if given.processing??>processing: ${given.processing}<#else># processing:</#if>
  # Test 4: is the message a fact about the world, or a request to do something?
  # fact | request
  <#if given.nature??>nature: ${given.nature}<#else># nature:</#if>

# One line of reasoning per answered test, shown in the ADR.
<#if reasons?has_content>
why:
<#list reasons as key, line>
  ${key}: ${yaml(line)}
</#list>
<#else>
# why:
#   restart: running a tool twice charges the customer twice
</#if>
<#if caseId??>
case: ${yaml(caseId)}
</#if>
<#list (links!{}) as kind, numbers>
<#if numbers?has_content>
${kind}: [<#list numbers as n>${n?c}<#sep>, </#list>]
</#if>
</#list>
