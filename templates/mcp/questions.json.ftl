<#import "/lib/words.ftl" as w>
<#-- The questions the MCP tool `decide` returns for the tests nobody answered: JSON, in the
     words the ADRs and `decide` use (lib/words.ftl). `tests`: test, key, and its two words. -->
[<#list tests as t>
  {"test": ${t.test?c}, "key": ${t.key?c}, "name": ${w.testName[t.key]?c}, "question": ${w.question[t.key]?c},
   "answers": [<#list t.words as word>{"word": ${word?c}, "meaning": ${w.meaning[word]?c}}<#sep>, </#list>]}<#sep>,</#sep>
</#list>]
