<#-- The decisions as a Mermaid flowchart: nodes coloured by verdict, links as edges. -->
flowchart LR
<#list rows as r>
  d${r.number}["${r.number}. ${mermaid(r.title)}"]:::<#if !r.generated>hand<#elseif r.verdict == "kv-watch">kv<#elseif r.verdict == "jetstream-stream">stream<#elseif r.verdict == "both">both<#else>undecided</#if>
</#list>
<#list edges as e>
<#if e.kind == "supersedes">
  d${e.from} -->|supersedes| d${e.to}
<#elseif e.kind == "amends">
  d${e.from} -.->|amends| d${e.to}
<#else>
  d${e.from} --- d${e.to}
</#if>
</#list>
  classDef kv fill:#e0f4f1,stroke:#0f766e,color:#0b3d39
  classDef stream fill:#efe7fd,stroke:#6d28d9,color:#2e1065
  classDef both fill:#f3f4f6,stroke:#6d28d9,color:#111827
  classDef undecided fill:#f9fafb,stroke:#9ca3af,color:#374151
  classDef hand fill:#ffffff,stroke:#9ca3af,color:#374151,stroke-dasharray:4 3
