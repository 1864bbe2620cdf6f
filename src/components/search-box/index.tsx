import { View } from '@tarojs/components'
import { Button, SearchBar } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { SEARCH_MAX_LENGTH } from '@/domain/search'
import './index.scss'

type Props = { placeholder: string; onSearch(keyword: string): void; testId?: string }

/**
 * The search box at the top of a list: searches when the keyboard's 搜索 or the button is tapped,
 * and shows everything again when cleared.
 */
export function SearchBox({ placeholder, onSearch, testId }: Props) {
  const [text, setText] = useState('')
  const search = (value: string) => onSearch(value.trim())
  return (
    <View className='search-box' data-testid={testId}>
      <SearchBar
        className='search-box__bar'
        value={text}
        placeholder={placeholder}
        maxLength={SEARCH_MAX_LENGTH}
        onChange={(value) => setText(value)}
        onSearch={search}
        onClear={() => {
          setText('')
          search('')
        }}
        right={
          <Button type='primary' onClick={() => search(text)}>
            搜索
          </Button>
        }
      />
    </View>
  )
}
