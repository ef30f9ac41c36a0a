<#-- The design file that `kv-or-stream new` writes. -->
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
answers:
  # Test 1, restart: if the processor restarted, should it handle again what it had
  # already handled? reprocess (yes, that is the right recovery) | resume (no, that would be wrong)
  # restart:
  # Test 2: should every interested processor react, or exactly one handle each message?
  # fan-out | queue
  # delivery:
  # Test 3: is handling fast and idempotent, or slow with real side effects?
  # fast | slow
  # processing:
  # Test 4: is the message a fact about the world, or a request to do something?
  # fact | request
  # nature:

# One line of reasoning per answered test, shown in the ADR.
# why:
#   restart: running a tool twice charges the customer twice
