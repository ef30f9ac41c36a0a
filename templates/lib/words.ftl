<#-- Shared wording: how the program names the tests, the answers and the primitives.
     Imported by the ADR, index and decide templates; override it to change the words
     everywhere at once. -->
<#assign primitive = {
  "kv-watch": "KV watch",
  "jetstream-stream": "JetStream stream",
  "both": "KV watch and JetStream stream",
  "undecided": "undecided"
}>
<#assign withArticle = {
  "kv-watch": "a KV watch",
  "jetstream-stream": "a JetStream stream",
  "both": "a KV watch and a JetStream stream",
  "undecided": "no primitive yet"
}>
<#assign testName = {
  "restart": "Restart",
  "delivery": "Fan-out or queue",
  "processing": "Processing",
  "nature": "Nature"
}>
<#assign question = {
  "restart": "If the processor restarted, should it handle again what it had already handled?",
  "delivery": "Should every interested processor react to each message, or exactly one handle it?",
  "processing": "Is handling a message fast and idempotent, or slow with real side effects?",
  "nature": "Is the message a fact about the world, or a request to do something?"
}>
<#assign meaning = {
  "reprocess": "yes, handling it all again is the right recovery",
  "resume": "no, handling a message again would be wrong",
  "fan-out": "every interested processor reacts",
  "queue": "exactly one processor handles each message",
  "fast": "fast and idempotent",
  "slow": "slow, or with real side effects",
  "fact": "a fact (state, status, an index entry)",
  "request": "a request (a task, a model call, a tool run)"
}>
<#assign reason = {
  "reprocess": "after a restart, handling everything again is the right recovery, and a new watch begins by handing back the current value of every key",
  "resume": "after a restart, the handler must carry on from where it stopped rather than start over; a durable consumer resumes after its last acknowledged message, so acknowledged work is not redone, and work that was not acknowledged comes back (delivery is at least once, so the handler is idempotent)",
  "fan-out": "every interested processor has to see each change, and every watcher of a bucket does",
  "queue": "each message is for one of the handlers, not for all of them: handlers that share a durable consumer take turns, and a message goes to another handler only if it was not acknowledged in time",
  "fast": "handling a value is quick and safe to repeat, so nothing needs acks or a saved position",
  "slow": "handling is slow or has side effects, so it needs acks, redelivery of unacknowledged work and a saved position",
  "fact": "the message states a fact, and readers want its latest value",
  "request": "the message asks for work to be done, by one handler that acknowledges it when it is done"
}>

<#-- "test 2", "tests 2 and 3", "tests 1, 2 and 4" -->
<#function tests numbers>
  <#if numbers?size == 1><#return "test " + numbers[0]></#if>
  <#return "tests " + numbers[0..numbers?size - 2]?join(", ") + " and " + numbers?last>
</#function>

<#-- "Test 1 (restart)" -->
<#function testLabel number key>
  <#return "Test " + number + " (" + key + ")">
</#function>
