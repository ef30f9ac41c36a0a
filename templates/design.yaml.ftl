<#-- The design file that `kv-or-stream new` writes; `answers` and `why` are filled by --ask,
     `links` (supersedes, amends, related: lists of numbers) by --supersedes, --amends, --related. -->
# yaml-language-server: $schema=design.schema.json
title: ${yaml(title)}
status: proposed
date: ${date}
# deciders: [platform team]
# tags: []
context: |
  What flows over this path, between which components, and why it is needed.
# flow:
#   producer: name-of-the-publisher
#   consumers: [name-of-a-consumer]
#   subject: some.subject.>

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
<#list (links!{}) as kind, numbers>
<#if numbers?has_content>
${kind}: [<#list numbers as n>${n?c}<#sep>, </#list>]
</#if>
</#list>
